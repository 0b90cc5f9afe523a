import type { HttpWorkload } from '../HttpWorkload';

interface ListParams {
  readonly country: string;
  readonly industry: string;
}

type Company = Record<string, unknown> & { people: { nodes: unknown[] } };

const QUERY = `query List($country: String!, $industry: String!) {
  companies(
    first: 50
    where: { country: { eq: $country }, industries: { hasAll: [$industry] } }
    orderBy: [{ name: ASC }, { id: ASC }]
  ) {
    nodes {
      id name city industries
      people(first: 5, orderBy: [{ id: ASC }]) { nodes { id firstName lastName } }
    }
  }
}`;

/**
 * The page of 50 companies first, then each one's first 5 persons by a correlated sub-select;
 * the whole answer as one JSON array built in PostgreSQL.
 */
const SQL = `SELECT coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'city', c.city, 'industries', c.industries,
    'people', coalesce((SELECT json_agg(json_build_object('id', p.id, 'firstName', p.first_name, 'lastName', p.last_name) ORDER BY p.id)
                        FROM (SELECT id, first_name, last_name FROM person WHERE company_id = c.id ORDER BY id LIMIT 5) p), '[]'::json))
    ORDER BY c.name, c.id), '[]'::json) AS companies
FROM (SELECT id, name, city, industries FROM company
      WHERE country = $1 AND industries @> ARRAY[$2::text]
      ORDER BY name, id LIMIT 50) c`;

/** list: 50 companies in DE whose industries include software, by name, each with its first 5 persons. */
export const listWorkload: HttpWorkload<ListParams> = {
  name: 'list',
  description: "50 companies with country 'DE' whose industries include 'software', ordered by name then id, each with its first 5 persons",
  query: QUERY,
  nextParams: () => ({ country: 'DE', industry: 'software' }),
  variables: (params) => ({ ...params }),
  async baseline(pool, { country, industry }) {
    // An unnamed statement: a named one would switch to a generic plan after five runs.
    const { rows } = await pool.query(SQL, [country, industry]);
    return { companies: rows[0]?.companies ?? [] };
  },
  fromGraphQL(data) {
    const { companies } = data as { companies: { nodes: Company[] } };
    return { companies: companies.nodes.map(({ people, ...company }) => ({ ...company, people: people.nodes })) };
  },
  comparable: (answer) => answer,
};
