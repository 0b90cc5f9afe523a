import type { HttpWorkload } from '../HttpWorkload';

interface SegmentParams {
  readonly function: string;
  readonly country: string;
  readonly minRevenue: string;
  readonly minLicences: number;
  readonly excludedPostalPrefix: string;
}

type Person = Record<string, unknown> & { company: { name: string } | null };

const QUERY = `query Segment($function: String!, $country: String!, $minRevenue: Money!, $minLicences: Int!, $postalPattern: String!) {
  people(
    first: 100
    orderBy: [{ id: ASC }]
    where: {
      function: { eq: $function }
      company: {
        country: { eq: $country }
        revenueLastYear: { gte: $minRevenue }
        licences: { gt: $minLicences }
        NOT: { postalCode: { like: $postalPattern } }
      }
    }
  ) {
    totalCount
    nodes { id firstName lastName email company { name } }
  }
}`;

/**
 * The matches once (a materialised CTE), counted and paged from there: one scan of person
 * instead of two. A missing postal code does not start with 66, so it matches (as NOT in
 * Relata's where does).
 */
const SQL = `WITH m AS MATERIALIZED (
  SELECT p.id, p.first_name, p.last_name, p.email, c.name AS company_name
  FROM person p JOIN company c ON c.id = p.company_id
  WHERE p."function" = $1 AND c.country = $2 AND c.revenue_last_year >= $3 AND c.licences > $4
    AND (c.postal_code IS NULL OR c.postal_code NOT LIKE $5)
)
SELECT (SELECT count(*) FROM m)::int AS "totalCount",
  coalesce((SELECT json_agg(json_build_object('id', x.id, 'firstName', x.first_name, 'lastName', x.last_name,
                                              'email', x.email, 'companyName', x.company_name) ORDER BY x.id)
            FROM (SELECT * FROM m ORDER BY id LIMIT 100) x), '[]'::json) AS people`;

/** segment: purchasing persons at DE companies with revenue >= 100,000, > 5 licences, postal code not 66...: count and first 100. */
export const segmentWorkload: HttpWorkload<SegmentParams> = {
  name: 'segment',
  description:
    "persons with function 'purchasing' at companies in DE with revenueLastYear >= 100000, licences > 5, postalCode not like '66%': totalCount and the first 100 by id with their company's name",
  query: QUERY,
  nextParams: () => ({ function: 'purchasing', country: 'DE', minRevenue: '100000', minLicences: 5, excludedPostalPrefix: '66' }),
  variables: (p) => ({
    function: p.function,
    country: p.country,
    minRevenue: p.minRevenue,
    minLicences: p.minLicences,
    postalPattern: `${p.excludedPostalPrefix}%`,
  }),
  async baseline(pool, p) {
    const { rows } = await pool.query({
      name: 'bench_segment',
      text: SQL,
      values: [p.function, p.country, p.minRevenue, p.minLicences, `${p.excludedPostalPrefix}%`],
    });
    return { totalCount: rows[0].totalCount, people: rows[0].people };
  },
  fromGraphQL(data) {
    const { people } = data as { people: { totalCount: number; nodes: Person[] } };
    return {
      totalCount: people.totalCount,
      people: people.nodes.map(({ company, ...person }) => ({ ...person, companyName: company?.name ?? null })),
    };
  },
  comparable: (answer) => answer,
};
