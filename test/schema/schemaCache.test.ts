import { AccessPolicy } from '../../src/access/AccessPolicy';
import { SchemaCache } from '../../src/schema/schemaCache';
import { registryOf, sampleRegistry } from '../support/registries';

describe('SchemaCache', () => {
  const registry = sampleRegistry();
  const policy = (...roles: string[]) => AccessPolicy.of(registry, roles);

  it('builds once per role set, whatever the order, duplicates or unknown roles of the token', async () => {
    const cache = new SchemaCache<string>(10);
    let builds = 0;
    const build = async () => `schema ${++builds}`;
    const first = await cache.get(registry, policy('salesRep', 'assistant'), build);
    expect(await cache.get(registry, policy('assistant', 'salesRep', 'assistant', 'unknown'), build)).toBe(first);
    expect(await cache.get(registry, policy('assistant'), build)).toBe('schema 2');
    expect(builds).toBe(2);
  });

  it('shares one build between concurrent callers (single flight)', async () => {
    const cache = new SchemaCache<number>(10);
    let builds = 0;
    const build = () => new Promise<number>((resolve) => setTimeout(() => resolve(++builds), 10));
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.get(registry, policy('admin'), build)));
    expect(new Set(results)).toEqual(new Set([1]));
  });

  it('keeps at most maxEntries, evicting the least recently used', async () => {
    const evicted: string[] = [];
    const cache = new SchemaCache<string>(2, (value) => void value.then((v) => evicted.push(v)));
    await cache.get(registry, policy('admin'), async () => 'admin');
    await cache.get(registry, policy('assistant'), async () => 'assistant');
    await cache.get(registry, policy('admin'), async () => 'rebuilt');
    await cache.get(registry, policy('salesRep'), async () => 'salesRep');
    await Promise.resolve();
    expect(cache.size).toBe(2);
    expect(evicted).toEqual(['assistant']);
    expect(await cache.get(registry, policy('admin'), async () => 'rebuilt')).toBe('admin');
  });

  it('does not keep a failed build', async () => {
    const cache = new SchemaCache<string>(2);
    await expect(cache.get(registry, policy('admin'), async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.resolve();
    expect(await cache.get(registry, policy('admin'), async () => 'ok')).toBe('ok');
  });

  it('keys by model version: an equal model shares the entry, a changed one gets its own', async () => {
    const cache = new SchemaCache<string>(10);
    const same = sampleRegistry();
    const changed = registryOf({ 'thing.yaml': 'name: thing\nfields:\n  a: { type: string }\n' });
    expect(same.version).toBe(registry.version);
    await cache.get(registry, policy('admin'), async () => 'v1');
    expect(await cache.get(same, AccessPolicy.of(same, ['admin']), async () => 'again')).toBe('v1');
    expect(await cache.get(changed, AccessPolicy.of(changed, ['admin']), async () => 'v2')).toBe('v2');
  });
});
