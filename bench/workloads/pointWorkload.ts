import type { HttpWorkload } from '../HttpWorkload';
import { canonicalMoney } from './canonicalMoney';

interface PointParams {
  readonly id: string;
}

interface PointAnswer {
  readonly company: (Record<string, unknown> & { revenueLastYear: unknown }) | null;
}

const QUERY = `query Point($id: ID!) {
  company(id: $id) {
    id name city postalCode country industries revenueLastYear licences
    salesRep { id firstName lastName email }
    people(first: 10, orderBy: [{ id: ASC }]) { nodes { id firstName lastName email function } }
  }
}`;

/**
 * The whole answer as one JSON value built in PostgreSQL (one column to parse beats a dozen):
 * the sales rep and the first 10 persons as correlated sub-selects. Named: planned once per connection.
 */
const SQL = `SELECT json_build_object('id', c.id, 'name', c.name, 'city', c.city, 'postalCode', c.postal_code,
  'country', c.country, 'industries', c.industries, 'revenueLastYear', c.revenue_last_year::text, 'licences', c.licences,
  'salesRep', (SELECT json_build_object('id', e.id, 'firstName', e.first_name, 'lastName', e.last_name, 'email', e.email)
               FROM employee e WHERE e.id = c.sales_rep_id),
  'people', coalesce((SELECT json_agg(json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name,
                                                        'email', p.email, 'function', p."function") ORDER BY p.id)
                      FROM (SELECT id, first_name, last_name, email, "function" FROM person
                            WHERE company_id = c.id ORDER BY id LIMIT 10) p), '[]'::json)) AS company
FROM company c
WHERE c.id = $1`;

/** point: one company by id (random among the first 1,000) with its first 10 persons and its sales rep. */
export const pointWorkload: HttpWorkload<PointParams> = {
  name: 'point',
  description: 'one company by id (random among the first 1,000 ids) with its first 10 persons by id and its sales rep',
  query: QUERY,
  nextParams: ({ random, data }) => ({ id: random.pick(data.pointIds) }),
  variables: (params) => ({ id: params.id }),
  async baseline(pool, { id }) {
    const { rows } = await pool.query({ name: 'bench_point', text: SQL, values: [id] });
    return { company: rows[0]?.company ?? null };
  },
  fromGraphQL(data) {
    const { company } = data as { company: (Record<string, unknown> & { people: { nodes: unknown[] } }) | null };
    if (!company) return { company: null };
    const { people, ...fields } = company;
    return { company: { ...fields, people: people.nodes } };
  },
  comparable(answer) {
    const { company } = answer as PointAnswer;
    return { company: company && { ...company, revenueLastYear: canonicalMoney(company.revenueLastYear) } };
  },
};
