import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { SAMPLE_DEFINITIONS, startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * "Done when" of issue 2: a type that exists nowhere in the code gets the full API from one
 * YAML file: create, read, list with where/orderBy/paging, update with expectedVersion,
 * delete, metadata, and the inverse on the referenced type.
 */

const SUPPLIER_YAML = `# A supplier: written by this test only, unknown to the engine's code.
name: supplier
label: { en: Supplier, de: Lieferant }
fields:
  name:        { type: string, required: true, maxLength: 100, label: { en: Name, de: Name } }
  creditLimit: { type: money, min: 0, label: { de: Kreditlimit } }
  rating:      { type: choice, options: [A, B, C], label: { en: Rating, de: Bewertung } }
  categories:  { type: multiChoice, options: [hardware, software, services] }
  company:
    type: reference
    target: company
    onDelete: cascade
    inverse: suppliers
    label: { en: Company, de: Firma }
layout:
  - section: { en: Supplier, de: Lieferant }
    fields: [name, rating, categories]
  - section: { en: Terms, de: Konditionen }
    fields: [creditLimit, company]
`;

const SUPPLIER = 'id version createdAt updatedAt name creditLimit rating categories company { id name }';

function onlyError(response: GraphQLResponse) {
  expect(response.errors).toHaveLength(1);
  return response.errors![0]!;
}

describe.each(DATABASE_KINDS)('a new type from YAML only on %s', (kind) => {
  let t: TestServer;
  let dir: string;
  let acme: string;
  let globex: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relata-newtype-'));
    cpSync(SAMPLE_DEFINITIONS, dir, { recursive: true });
    writeFileSync(join(dir, 'supplier.yaml'), SUPPLIER_YAML);
    t = await startTestServer(kind, { metadataDir: dir });
    acme = (await t.ok('mutation { createCompany(input: { name: "ACME" }) { id } }')).createCompany.id;
    globex = (await t.ok('mutation { createCompany(input: { name: "Globex" }) { id } }')).createCompany.id;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function create(input: Record<string, unknown>) {
    const data = await t.ok(`mutation ($input: SupplierCreateInput!) { createSupplier(input: $input) { ${SUPPLIER} } }`, { input });
    ids[input.name as string] = data.createSupplier.id;
    return data.createSupplier;
  }

  async function names(args: string, variables: Record<string, unknown> = {}) {
    const vars = Object.keys(variables).length ? `(${Object.keys(variables).map((k) => `$${k}: String`).join(', ')})` : '';
    const data = await t.ok(`query ${vars} { suppliers${args} { totalCount nodes { name } } }`, variables);
    return { total: data.suppliers.totalCount as number, names: (data.suppliers.nodes as { name: string }[]).map((n) => n.name) };
  }

  it('creates suppliers and returns the selection', async () => {
    const s = await create({ name: 'Bolts & Nuts', creditLimit: '25000.50', rating: 'A', categories: ['hardware', 'services'], company: acme });
    expect(s).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      name: 'Bolts & Nuts',
      creditLimit: '25000.50',
      rating: 'A',
      categories: ['hardware', 'services'],
      company: { id: acme, name: 'ACME' },
    });
    await create({ name: 'Code Crafters', creditLimit: '1000', rating: 'B', categories: ['software'], company: acme });
    await create({ name: 'Advice Partners', creditLimit: '0.10', rating: 'A', categories: ['services'], company: globex });
    await create({ name: 'Digital Depot', rating: 'C', categories: ['hardware', 'software'], company: acme });
    await create({ name: 'Empty Shelf' });
  });

  it('reads one supplier by id, with its company', async () => {
    const data = await t.ok(`query ($id: ID!) { supplier(id: $id) { name creditLimit rating categories company { name } } }`, {
      id: ids['Code Crafters'],
    });
    expect(data.supplier).toEqual({ name: 'Code Crafters', creditLimit: '1000.00', rating: 'B', categories: ['software'], company: { name: 'ACME' } });
  });

  it('lists with where on its fields, orderBy and totalCount', async () => {
    expect(await names('(where: { rating: { eq: "A" } }, orderBy: [{ name: ASC }])')).toEqual({
      total: 2,
      names: ['Advice Partners', 'Bolts & Nuts'],
    });
    expect(await names('(where: { creditLimit: { gte: "1000" } }, orderBy: [{ creditLimit: DESC }])')).toEqual({
      total: 2,
      names: ['Bolts & Nuts', 'Code Crafters'],
    });
    expect(await names('(where: { categories: { hasAny: ["software"] } }, orderBy: [{ name: DESC }])')).toEqual({
      total: 2,
      names: ['Digital Depot', 'Code Crafters'],
    });
    expect(await names('(where: { categories: { hasAll: ["hardware", "software"] } })')).toEqual({ total: 1, names: ['Digital Depot'] });
    expect(await names('(where: { company: { name: { eq: "Globex" } } })')).toEqual({ total: 1, names: ['Advice Partners'] });
    expect(await names('(where: { rating: { isNull: true } })')).toEqual({ total: 1, names: ['Empty Shelf'] });
    expect(await names('(where: { OR: [{ rating: { eq: "C" } }, { name: { ilike: "%shelf" } }] }, orderBy: [{ name: ASC }])')).toEqual({
      total: 2,
      names: ['Digital Depot', 'Empty Shelf'],
    });
    expect(await names('(where: { NOT: { company: { name: { eq: "ACME" } } } }, orderBy: [{ name: ASC }])')).toEqual({
      total: 2,
      names: ['Advice Partners', 'Empty Shelf'],
    });
  });

  it('pages forward with first/after and backward with last/before', async () => {
    const query = `query ($after: String) { suppliers(orderBy: [{ name: ASC }], first: 2, after: $after) {
      totalCount nodes { name } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const data: any = await t.ok(query, { after });
      expect(data.suppliers.totalCount).toBe(5);
      seen.push(...data.suppliers.nodes.map((n: { name: string }) => n.name));
      pages.push(data.suppliers.pageInfo.hasNextPage);
      if (!data.suppliers.pageInfo.hasNextPage) break;
      after = data.suppliers.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Advice Partners', 'Bolts & Nuts', 'Code Crafters', 'Digital Depot', 'Empty Shelf']);
    expect(pages).toEqual([true, true, false]);
    const last = await t.ok('{ suppliers(orderBy: [{ name: ASC }], last: 2) { nodes { name } pageInfo { hasPreviousPage startCursor } } }');
    expect(last.suppliers.nodes.map((n: { name: string }) => n.name)).toEqual(['Digital Depot', 'Empty Shelf']);
    expect(last.suppliers.pageInfo.hasPreviousPage).toBe(true);
    const before = await t.ok(`query ($before: String) { suppliers(orderBy: [{ name: ASC }], last: 2, before: $before) { nodes { name } } }`, {
      before: last.suppliers.pageInfo.startCursor,
    });
    expect(before.suppliers.nodes.map((n: { name: string }) => n.name)).toEqual(['Bolts & Nuts', 'Code Crafters']);
  });

  it('validates its fields from the YAML: required, options, min', async () => {
    const r = await t.gql('mutation { createSupplier(input: { rating: "Z", creditLimit: "-1", categories: ["toys"] }) { id } }');
    expect(onlyError(r).extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (onlyError(r).extensions?.fieldErrors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['categories', 'creditLimit', 'name', 'rating']);
    expect((await names('')).total).toBe(5);
  });

  it('updates with expectedVersion, and refuses a stale one with CONFLICT', async () => {
    const id = ids['Code Crafters'];
    const data = await t.ok(
      `mutation ($id: ID!, $c: ID) { updateSupplier(id: $id, input: { rating: "A", company: $c }, expectedVersion: 1) { ${SUPPLIER} } }`,
      { id, c: globex },
    );
    expect(data.updateSupplier).toMatchObject({ version: 2, rating: 'A', name: 'Code Crafters', creditLimit: '1000.00', company: { id: globex, name: 'Globex' } });
    const stale = await t.gql(`mutation ($id: ID!) { updateSupplier(id: $id, input: { rating: "C" }, expectedVersion: 1) { id } }`, { id });
    expect(onlyError(stale).extensions?.code).toBe('CONFLICT');
    const back = await t.ok(`query ($id: ID!) { supplier(id: $id) { rating version } }`, { id });
    expect(back.supplier).toEqual({ rating: 'A', version: 2 });
  });

  it('resolves the inverse on the company: company { suppliers { nodes { name } } }', async () => {
    const data = await t.ok(`query ($id: ID!) { company(id: $id) { name suppliers(orderBy: [{ name: ASC }]) { totalCount nodes { name } } } }`, {
      id: globex,
    });
    expect(data.company).toEqual({
      name: 'Globex',
      suppliers: { totalCount: 2, nodes: [{ name: 'Advice Partners' }, { name: 'Code Crafters' }] },
    });
    const filtered = await t.ok('{ companies(where: { suppliers: { some: { rating: { eq: "C" } } } }) { nodes { name } } }');
    expect(filtered.companies.nodes).toEqual([{ name: 'ACME' }]);
  });

  it('describes the new type in metadata, with German labels and English fallbacks', async () => {
    const data = await t.ok(`{ metadata { types { name plural label(locale: "de") traits
      fields { name type required label(locale: "de") options target } layout { section(locale: "de") fields } } } }`);
    const supplier = data.metadata.types.find((type: { name: string }) => type.name === 'supplier');
    expect(supplier).toEqual({
      name: 'supplier',
      plural: 'suppliers',
      label: 'Lieferant',
      traits: [],
      fields: [
        { name: 'name', type: 'string', required: true, label: 'Name', options: [], target: null },
        { name: 'creditLimit', type: 'money', required: false, label: 'Kreditlimit', options: [], target: null },
        { name: 'rating', type: 'choice', required: false, label: 'Bewertung', options: ['A', 'B', 'C'], target: null },
        { name: 'categories', type: 'multiChoice', required: false, label: 'Categories', options: ['hardware', 'software', 'services'], target: null },
        { name: 'company', type: 'reference', required: false, label: 'Firma', options: [], target: 'company' },
      ],
      layout: [
        { section: 'Lieferant', fields: ['name', 'rating', 'categories'] },
        { section: 'Konditionen', fields: ['creditLimit', 'company'] },
      ],
    });
    const english = await t.ok('{ metadata { types { name label(locale: "en") fields { name label(locale: "en") } } } }');
    const en = english.metadata.types.find((type: { name: string }) => type.name === 'supplier');
    expect(en.label).toBe('Supplier');
    expect(en.fields.map((f: { label: string }) => f.label)).toEqual(['Name', 'Credit limit', 'Rating', 'Categories', 'Company']);
  });

  it('stores it in its own table with snake_case columns (contract section 5)', async () => {
    const rows = await t.server.db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'supplier' ORDER BY column_name`,
    );
    expect(rows.map((r) => r.column_name)).toEqual(
      ['categories', 'company_id', 'created_at', 'credit_limit', 'id', 'name', 'rating', 'updated_at', 'version'],
    );
    const [row] = await t.server.db.query<{ credit_limit: string }>(`SELECT credit_limit::text FROM supplier WHERE name = 'Advice Partners'`);
    expect(row!.credit_limit).toBe('0.1000');
  });

  it('deletes a supplier: the id comes back and it is gone, also from the inverse', async () => {
    const id = ids['Advice Partners'];
    expect((await t.ok(`mutation ($id: ID!) { deleteSupplier(id: $id) }`, { id })).deleteSupplier).toBe(id);
    expect((await t.ok(`query ($id: ID!) { supplier(id: $id) { id } }`, { id })).supplier).toBeNull();
    const data = await t.ok(`query ($id: ID!) { company(id: $id) { suppliers { nodes { name } } } }`, { id: globex });
    expect(data.company.suppliers.nodes).toEqual([{ name: 'Code Crafters' }]);
    const again = await t.gql(`mutation ($id: ID!) { deleteSupplier(id: $id) }`, { id });
    expect(onlyError(again).extensions?.code).toBe('NOT_FOUND');
  });

  it('deletes the suppliers of a deleted company (onDelete: cascade)', async () => {
    await t.ok(`mutation ($id: ID!) { deleteCompany(id: $id) }`, { id: acme });
    expect(await names('(orderBy: [{ name: ASC }])')).toEqual({ total: 2, names: ['Code Crafters', 'Empty Shelf'] });
  });
});
