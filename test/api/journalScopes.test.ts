import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_KINDS } from '../support/databases';
import { startTestServer, type TestServer } from '../support/testServer';

/**
 * A journal entry is as visible as its record, whatever the role grants on journalEntry
 * itself: entries about a journal type the role may not read at all are hidden, while the
 * entries of the types it reads in full need no check per row.
 */
const FILES = {
  'clubMember.yaml': `name: clubMember
traits: [journal]
fields:
  name: { type: string, required: true, maxLength: 100 }
`,
  'clubTeam.yaml': `name: clubTeam
traits: [journal]
fields:
  name: { type: string, required: true, maxLength: 100 }
`,
  'roles.yaml': `roles:
  admin:
    permissions:
      '*': all
  coach:
    permissions:
      clubMember: { read: all }
      journalEntry: { read: all, create: all }
`,
};

describe.each(DATABASE_KINDS)('journal entries within the read scope of their record on %s', (kind) => {
  let t: TestServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relata-journal-scopes-'));
    for (const [file, text] of Object.entries(FILES)) writeFileSync(join(dir, file), text);
    t = await startTestServer(kind, { metadataDir: dir });
    const member = (await t.ok(`mutation { createClubMember(input: { name: "Ada" }) { id } }`)).createClubMember.id;
    const team = (await t.ok(`mutation { createClubTeam(input: { name: "Firsts" }) { id } }`)).createClubTeam.id;
    for (const [record, subject] of [[member, 'about Ada'], [team, 'about the team']]) {
      await t.ok(`mutation($r: ID!, $s: String) { createJournalEntry(input: { record: $r, subject: $s, followUp: { owner: "cora", dueAt: "2020-01-01T00:00:00Z" } }) { id } }`, { r: record, s: subject });
    }
  });

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const read = async (roles: string[]) => {
    const result = await t.gql(
      `{ journalEntries(orderBy: [{ subject: ASC }]) { totalCount nodes { subject } } myFollowUps(due: OVERDUE) { subject } }`,
      {},
      await t.token('cora', roles),
    );
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  it('hides entries about a type the role may not read', async () => {
    expect(await read(['coach'])).toEqual({ journalEntries: { totalCount: 1, nodes: [{ subject: 'about Ada' }] }, myFollowUps: [{ subject: 'about Ada' }] });
  });

  it('shows every entry to a role that reads every journal type', async () => {
    const all = await read(['admin']);
    expect(all.journalEntries.nodes).toEqual([{ subject: 'about Ada' }, { subject: 'about the team' }]);
    expect(all.myFollowUps).toHaveLength(2);
  });
});
