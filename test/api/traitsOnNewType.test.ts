import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * "Done when" of issue 6: a new group switches the CRM capabilities on by naming them. A
 * type unknown to the code, alone in its definition set, gets addresses, a journal,
 * attributes, a temporal field and a master-list field.
 */

const CLUB_MEMBER_YAML = `name: clubMember
label: { en: Club member, de: Vereinsmitglied }
traits: [addresses, journal, attributes]
addressKinds: [home]
fields:
  name:   { type: string, required: true, maxLength: 100 }
  level:  { type: string, maxLength: 20, temporal: true }
  fee:    { type: money, temporal: true }
  sports: { type: multiChoice, list: interestArea }
`;

describe.each(DATABASE_KINDS)('traits switched on by a new definition on %s', (kind) => {
  let t: TestServer;
  let dir: string;
  let id: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relata-traits-'));
    writeFileSync(join(dir, 'clubMember.yaml'), CLUB_MEMBER_YAML);
    t = await startTestServer(kind, { metadataDir: dir });
    id = (await t.ok(`mutation { createClubMember(input: { name: "Ada", level: "beginner", sports: ["events"] }) { id } }`)).createClubMember.id;
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has addresses', async () => {
    await t.ok(`mutation($id: ID!) { addClubMemberAddress(id: $id, input: { kind: "home", city: "Ulm", isDefault: true }) { id } }`, { id });
    const data = await t.ok(`query($id: ID!) { clubMember(id: $id) { defaultAddress(kind: "home") { city } } }`, { id });
    expect(data.clubMember.defaultAddress).toEqual({ city: 'Ulm' });
  });

  it('has a journal with follow-ups', async () => {
    await t.ok(`mutation($id: ID!) { createJournalEntry(input: { record: $id, kind: "call", subject: "Welcome", followUp: { owner: "tester", dueAt: "2020-01-01T00:00:00Z" } }) { id } }`, { id });
    const data = await t.ok(`query($id: ID!) { clubMember(id: $id) { journal { nodes { subject } } } myFollowUps(due: OVERDUE) { subject } }`, { id });
    expect(data).toEqual({ clubMember: { journal: { nodes: [{ subject: 'Welcome' }] } }, myFollowUps: [{ subject: 'Welcome' }] });
  });

  it('has attributes', async () => {
    await t.ok(`mutation { defineAttribute(input: { name: "shoeSize", label: { en: "Shoe size" }, type: "number" }) { name } }`);
    await t.ok(`mutation($id: ID!) { setAttribute(type: "clubMember", id: $id, name: "shoeSize", value: 42, validFrom: "2020-01-01") { name } }`, { id });
    const data = await t.ok(`query($id: ID!) { clubMember(id: $id) { attributes(asOf: "2021-01-01") { name value } } }`, { id });
    expect(data.clubMember.attributes).toEqual([{ name: 'shoeSize', value: 42 }]);
  });

  it('keeps the temporal field with periods', async () => {
    await t.ok(`mutation($id: ID!) { updateClubMember(id: $id, input: { level: "advanced" }, validFrom: "2099-01-01") { id } }`, { id });
    const data = await t.ok(`query($id: ID!) { now: clubMember(id: $id) { level levelHistory { value } } later: clubMember(id: $id, asOf: "2099-06-01") { level } }`, { id });
    expect(data).toEqual({ now: { level: 'beginner', levelHistory: [{ value: 'beginner' }, { value: 'advanced' }] }, later: { level: 'advanced' } });
  });

  it('installs the shipped list it uses and checks its values', async () => {
    const data = await t.ok(`{ masterList(name: "interestArea") { values { key } } }`);
    expect(data.masterList.values.map((v: { key: string }) => v.key)).toContain('events');
    const bad = await t.gql(`mutation { createClubMember(input: { name: "Bob", sports: ["chess"] }) { id } }`);
    expect(bad.errors?.[0]?.extensions?.fieldErrors).toEqual([{ field: 'sports', message: '"chess" is not an active value of list interestArea' }]);
  });

  it('answers temporal money as the Money scalar does, compiled or not', async () => {
    await t.ok(`mutation($id: ID!) { updateClubMember(id: $id, input: { fee: "12.5" }) { id } }`, { id });
    const compiled = await t.ok(`query($id: ID!) { clubMember(id: $id) { fee feeHistory { value } } }`, { id });
    const executed = await t.ok(`query($id: ID!) { clubMember(id: $id) { fee feeHistory { value } } masterList(name: "interestArea") { name } }`, { id });
    expect(compiled.clubMember).toEqual({ fee: '12.50', feeHistory: [{ value: '12.50' }] });
    expect(executed.clubMember).toEqual(compiled.clubMember);
  });
});
