import { installSampleLists } from '../../src/seed';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type GraphQLResponse, type TestServer } from '../support/testServer';

/**
 * Master lists (contract section 6, issue 6 item 2): shipped lists, editing at run time by
 * administrators, two levels, stable keys on records, and writes checked against active values.
 */

const VALUES = `query($name: String!, $all: Boolean, $parent: String) {
  masterList(name: $name) { name values(includeInactive: $all, parent: $parent) { key en: label(locale: "en") de: label(locale: "de") parent active } }
}`;

function errorOf(result: GraphQLResponse) {
  const error = result.errors?.[0];
  return { code: error?.extensions?.code, fields: (error?.extensions?.fieldErrors ?? []).map((e: { field: string }) => e.field) };
}

describe.each(DATABASE_KINDS)('master lists on %s', (kind) => {
  let t: TestServer;

  const keysOf = async (name: string, all = false, parent?: string) =>
    (await t.ok(VALUES, { name, all, parent })).masterList.values.map((v: { key: string }) => v.key);
  const addValue = (list: string, input: Record<string, unknown>) =>
    t.gql(`mutation($list: String!, $input: ListValueInput!) { addListValue(list: $list, input: $input) { key label parent active position } }`, { list, input });
  const createCompany = (input: Record<string, unknown>) =>
    t.gql(`mutation($input: CompanyCreateInput!) { createCompany(input: $input) { id version updatedAt industries companyClass } }`, { input });

  beforeAll(async () => {
    t = await startTestServer(kind);
  });

  afterAll(() => t?.close());

  it('ships the lists the sample definitions use, with labels in English and German', async () => {
    const data = await t.ok(VALUES, { name: 'industry' });
    expect(data.masterList.values[0]).toEqual({ key: 'software', en: 'Software', de: 'Software', parent: null, active: true });
    expect(data.masterList.values).toContainEqual({ key: 'databaseSoftware', en: 'Database software', de: 'Datenbanksoftware', parent: 'software', active: true });
    for (const name of ['interestArea', 'companyClass', 'function', 'personCode']) expect((await keysOf(name)).length).toBeGreaterThan(2);
  });

  it('answers null for a list the model does not use', async () => {
    expect((await t.ok(VALUES, { name: 'noSuchList' })).masterList).toBeNull();
  });

  it('lists the values of one category of a two-level list', async () => {
    expect(await keysOf('industry', false, 'software')).toEqual(['databaseSoftware', 'applicationSoftware']);
  });

  it('fills metadata options of list fields with the active keys', async () => {
    const data = await t.ok(`{ metadata { types { name fields { name list options } } } }`);
    const company = data.metadata.types.find((ty: { name: string }) => ty.name === 'company');
    const classes = company.fields.find((f: { name: string }) => f.name === 'companyClass');
    expect(classes).toEqual({ name: 'companyClass', list: 'companyClass', options: ['a', 'b', 'c'] });
  });

  it('adds a value at the end, with a category, and offers it for new records', async () => {
    const added = await addValue('industry', { key: 'gameSoftware', label: { en: 'Games', de: 'Spiele' }, parent: 'software' });
    expect(added.errors).toBeUndefined();
    expect(added.data.addListValue).toMatchObject({ key: 'gameSoftware', label: 'Games', parent: 'software', active: true });
    expect((await keysOf('industry')).at(-1)).toBe('gameSoftware');
    const created = await createCompany({ name: 'Playful', industries: ['gameSoftware'] });
    expect(created.errors).toBeUndefined();
  });

  it('refuses a duplicate key, a bad key or label, and a third level', async () => {
    expect(errorOf(await addValue('industry', { key: 'software', label: { en: 'Again' } })).code).toBe('CONFLICT');
    expect(errorOf(await addValue('industry', { key: '1 bad', label: 'plain' }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['key', 'label'] });
    expect(errorOf(await addValue('industry', { key: 'deep', label: { en: 'Deep' }, parent: 'databaseSoftware' }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['parent'],
    });
    expect(errorOf(await addValue('noSuchList', { key: 'x', label: { en: 'X' } }))).toEqual({ code: 'BAD_USER_INPUT', fields: ['list'] });
  });

  it('lets only administrators edit lists', async () => {
    const token = await t.token('rep', ['salesRep']);
    const result = await t.gql(`mutation { deactivateListValue(list: "industry", key: "retail") { key } }`, {}, token);
    expect(errorOf(result).code).toBe('FORBIDDEN');
    expect(await keysOf('industry')).toContain('retail');
  });

  it('relabels a value in several languages without touching any record', async () => {
    const created = (await createCompany({ name: 'Relabel AG', companyClass: 'b' })).data.createCompany;
    const relabelled = await t.ok(
      `mutation { updateListValue(list: "companyClass", key: "b", input: { label: { de: "B-Kunde (Bestand)", fr: "Client B" } }) { key en: label(locale: "en") de: label(locale: "de") fr: label(locale: "fr") } }`,
    );
    expect(relabelled.updateListValue).toEqual({ key: 'b', en: 'B customer', de: 'B-Kunde (Bestand)', fr: 'Client B' });
    const after = await t.ok(`query($id: ID!) { company(id: $id) { id version updatedAt industries companyClass } }`, { id: created.id });
    expect(after.company).toEqual(created);
  });

  it('deactivates a value: kept on records and in includeInactive, refused for new writes', async () => {
    const holder = (await createCompany({ name: 'Old Retail', industries: ['retail', 'finance'] })).data.createCompany;
    await t.ok(`mutation { deactivateListValue(list: "industry", key: "retail") { active } }`);
    expect(await keysOf('industry')).not.toContain('retail');
    expect(await keysOf('industry', true)).toContain('retail');

    const refused = await createCompany({ name: 'New Retail', industries: ['retail'], companyClass: 'zzz', licences: -1 });
    expect(errorOf(refused)).toEqual({ code: 'BAD_USER_INPUT', fields: ['industries', 'companyClass', 'licences'] });

    const kept = await t.gql(
      `mutation($id: ID!) { updateCompany(id: $id, input: { name: "Old Retail GmbH", industries: ["retail", "finance", "software"] }) { industries } }`,
      { id: holder.id },
    );
    expect(kept.errors).toBeUndefined();
    expect(kept.data.updateCompany.industries).toEqual(['retail', 'finance', 'software']);
    const other = await createCompany({ name: 'Other' });
    const moved = await t.gql(`mutation($id: ID!) { updateCompany(id: $id, input: { industries: ["retail"] }) { id } }`, {
      id: other.data.createCompany.id,
    });
    expect(errorOf(moved)).toEqual({ code: 'BAD_USER_INPUT', fields: ['industries'] });

    await t.ok(`mutation { updateListValue(list: "industry", key: "retail", input: { active: true }) { active } }`);
    expect(await keysOf('industry')).toContain('retail');
  });

  it('checks list values inside the write statement: a valid create or update is one statement', async () => {
    const statements: string[] = [];
    const unsubscribe = t.server.db.onQuery((sql) => statements.push(sql));
    try {
      const created = await createCompany({ name: 'One Statement', industries: ['software'], companyClass: 'a' });
      expect(created.errors).toBeUndefined();
      expect(statements).toHaveLength(1);
      const updated = await t.gql(`mutation($id: ID!) { updateCompany(id: $id, input: { companyClass: "b", industries: ["finance"] }) { companyClass industries } }`, {
        id: created.data.createCompany.id,
      });
      expect(updated.data.updateCompany).toEqual({ companyClass: 'b', industries: ['finance'] });
      expect(statements).toHaveLength(2);
    } finally {
      unsubscribe();
    }
  });

  it('takes null and empty list values, and refuses an inactive value where the record held none', async () => {
    const created = await createCompany({ name: 'No Class', companyClass: null, industries: [] });
    expect(created.errors).toBeUndefined();
    expect(created.data.createCompany).toMatchObject({ companyClass: null, industries: null });
    await t.ok(`mutation { deactivateListValue(list: "companyClass", key: "c") { active } }`);
    try {
      const id = created.data.createCompany.id;
      const refused = await t.gql(`mutation($id: ID!) { updateCompany(id: $id, input: { companyClass: "c", industries: ["nope"] }) { id } }`, { id });
      expect(errorOf(refused)).toEqual({ code: 'BAD_USER_INPUT', fields: ['industries', 'companyClass'] });
      const unchanged = await t.ok(`query($id: ID!) { company(id: $id) { version companyClass industries } }`, { id });
      expect(unchanged.company).toEqual({ version: 1, companyClass: null, industries: null });
      const missing = await t.gql(`mutation { updateCompany(id: "00000000-0000-4000-8000-000000000000", input: { companyClass: "a" }) { id } }`);
      expect(errorOf(missing).code).toBe('NOT_FOUND');
      const nowhere = await createCompany({ name: 'Nowhere', companyClass: 'c', salesRep: '00000000-0000-4000-8000-000000000000' });
      expect(errorOf(nowhere)).toEqual({ code: 'BAD_USER_INPUT', fields: ['companyClass', 'salesRep'] });
    } finally {
      await t.ok(`mutation { updateListValue(list: "companyClass", key: "c", input: { active: true }) { active } }`);
    }
  });

  it('installs shipped values only into empty lists, so edits survive a restart', async () => {
    await t.ok(`mutation { updateListValue(list: "personCode", key: "vip", input: { label: { en: "Very important" } }) { key } }`);
    await t.ok(`mutation { deactivateListValue(list: "personCode", key: "noMail") { key } }`);
    await installSampleLists(t.server.db, t.server.registry());
    const data = await t.ok(VALUES, { name: 'personCode', all: true });
    expect(data.masterList.values.find((v: { key: string }) => v.key === 'vip').en).toBe('Very important');
    expect(data.masterList.values.find((v: { key: string }) => v.key === 'noMail').active).toBe(false);
  });
});
