import type { HttpWorkload } from '../HttpWorkload';

interface WriteParams {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly function: string;
  readonly company: string;
}

type Person = Record<string, unknown> & { id: unknown; email: unknown };

const FIRST_NAMES = ['Anna', 'Jonas', 'Lea', 'Paul', 'Marie', 'Felix', 'Sophie', 'Lukas', 'Emma', 'Noah'];
const LAST_NAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann'];
const FUNCTIONS = ['purchasing', 'managingDirector', 'sales', 'it', 'marketing', 'finance', 'hr', 'assistant'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const QUERY = `mutation Write($input: PersonCreateInput!) {
  createPerson(input: $input) { id firstName lastName email function company { id } }
}`;

/** One INSERT ... RETURNING in autocommit: the foreign key checks the company. */
const SQL = `INSERT INTO person (first_name, last_name, email, "function", company_id)
VALUES ($1, $2, $3, $4, $5)
RETURNING id, first_name AS "firstName", last_name AS "lastName", email, "function", company_id AS "companyId"`;

/** write: create a person attached to a random company. */
export const writeWorkload: HttpWorkload<WriteParams> = {
  name: 'write',
  description: 'createPerson (name, unique e-mail, function) attached to a random company; returns the new record',
  query: QUERY,
  nextParams: ({ random, sequence, tag, data }) => ({
    firstName: random.pick(FIRST_NAMES),
    lastName: random.pick(LAST_NAMES),
    // Unique per run: both servers write into one database.
    email: `bench.${tag}.${sequence}@example.com`,
    function: random.pick(FUNCTIONS),
    company: random.pick(data.companyIds),
  }),
  variables: (params) => ({ input: { ...params } }),
  async baseline(pool, p) {
    const { rows } = await pool.query({ name: 'bench_write', text: SQL, values: [p.firstName, p.lastName, p.email, p.function, p.company] });
    return { person: rows[0] };
  },
  fromGraphQL(data) {
    const { createPerson } = data as { createPerson: Person & { company: { id: string } | null } };
    const { company, ...person } = createPerson;
    return { person: { ...person, companyId: company?.id ?? null } };
  },
  comparable(answer, params) {
    const { person } = answer as { person: Person };
    return {
      person: {
        ...person,
        id: typeof person.id === 'string' && UUID.test(person.id) ? '<new uuid>' : person.id,
        email: person.email === params.email ? '<the e-mail sent>' : person.email,
      },
    };
  },
};
