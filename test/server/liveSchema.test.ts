import { LiveSchema } from '../../src/server/liveSchema';
import { liveStateFactory } from '../../src/server/liveStateFactory';
import { loadConfig } from '../../src/config';
import { registryOf } from '../support/registries';

const v1 = registryOf({ 'company.yaml': 'name: company\nplural: companies\nfields:\n  name: { type: string }\n' });
const v2 = registryOf({ 'company.yaml': 'name: company\nplural: companies\nfields:\n  name: { type: string }\n  city: { type: string }\n' });
const typename = { query: '{ __typename }' };

describe('the live schema', () => {
  it('builds the schema once per model and reuses it for a version with the same model', async () => {
    const make = liveStateFactory(loadConfig({}));
    const first = await make(1, v1);
    const same = await make(3, registryOf({ 'company.yaml': 'name: company\nplural: companies\nfields:\n  name: { type: string }\n' }));
    const other = await make(2, v2);
    expect(same.schema).toBe(first.schema);
    expect(other.schema).not.toBe(first.schema);
    await Promise.all([first, same, other].map((s) => s.apollo.stop()));
  });

  it('lets a request in flight finish on the state it started with, then stops that state', async () => {
    const make = liveStateFactory(loadConfig({}));
    const live = new LiveSchema(await make(1, v1));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inFlight = live.use(async (state) => {
      await gate;
      const result = await state.apollo.executeOperation(typename);
      return { version: state.version, kind: result.body.kind };
    });
    const old = live.current();
    await live.swap(await make(2, v2));
    expect(await live.use(async (state) => state.version)).toBe(2);
    release();
    expect(await inFlight).toEqual({ version: 1, kind: 'single' });
    // Stopping (not awaited by the request) has begun: the old server takes no new operations
    // (Apollo warns about this one on the console).
    await expect(old.apollo.executeOperation(typename)).rejects.toThrow(/stopping|stopped/);
    await live.close();
  });
});
