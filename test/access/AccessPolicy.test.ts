import { AccessPolicy } from '../../src/access/AccessPolicy';
import { registryOf } from '../support/registries';

const registry = registryOf({
  'deal.yaml': `name: deal
traits: [owned]
fields:
  title: { type: string }
  margin: { type: money, readRoles: [boss] }
  note: { type: text, sensitive: true }
  stage: { type: choice, options: [open, won], writeRoles: [boss] }
`,
  'tag.yaml': 'name: tag\nfields:\n  label: { type: string }\n',
  'roles.yaml': `roles:
  boss: { sensitive: true, permissions: { '*': all } }
  seller: { permissions: { deal: { read: own, update: own }, tag: { read: all } } }
  regional: { permissions: { deal: { read: area, delete: team } } }
  writer: { permissions: { tag: { update: all } } }
`,
});
const deal = registry.get('deal');
const tag = registry.get('tag');
const field = (name: string) => deal.fields.find((f) => f.name === name)!;

describe('AccessPolicy', () => {
  it('unites the scopes of all roles; all wins', () => {
    expect(AccessPolicy.of(registry, ['seller', 'regional']).reach(deal, 'read')).toEqual({ all: false, rows: ['area', 'own'] });
    expect(AccessPolicy.of(registry, ['seller', 'boss']).reach(deal, 'read')).toEqual({ all: true });
    expect(AccessPolicy.of(registry, ['seller']).reach(deal, 'delete')).toEqual({ all: false, rows: [] });
  });

  it('ignores roles the model does not define and is the same object for the same known roles', () => {
    const a = AccessPolicy.of(registry, ['seller', 'ghost']);
    expect(a).toBe(AccessPolicy.of(registry, ['seller']));
    expect(a.fingerprint).toBe('seller');
    expect(AccessPolicy.of(registry, ['regional', 'seller']).fingerprint).toBe('regional,seller');
    expect(AccessPolicy.of(registry, ['ghost']).can(deal, 'read')).toBe(false);
  });

  it('lets a write happen only where reading is possible too', () => {
    expect(AccessPolicy.of(registry, ['writer']).can(tag, 'update')).toBe(false);
    expect(AccessPolicy.of(registry, ['writer', 'seller']).can(tag, 'update')).toBe(true);
  });

  it('decides field rights from readRoles, writeRoles, sensitive and trait-managed fields', () => {
    const seller = AccessPolicy.of(registry, ['seller']);
    const boss = AccessPolicy.of(registry, ['boss']);
    expect(seller.readsField(deal, field('title'))).toBe(true);
    expect(seller.readsField(deal, field('margin'))).toBe(false);
    expect(seller.readsField(deal, field('note'))).toBe(false);
    expect(seller.readsField(deal, field('stage'))).toBe(true);
    expect(seller.writesField(deal, field('stage'))).toBe(false);
    expect(boss.readsField(deal, field('note'))).toBe(true);
    expect(boss.writesField(deal, field('stage'))).toBe(true);
    expect(boss.readsField(deal, field('owner'))).toBe(true);
    expect(boss.writesField(deal, field('owner'))).toBe(false);
  });

  it('gives the unrestricted policy every right, for the schema of the model itself', () => {
    const all = AccessPolicy.unrestricted(registry);
    expect(all.reach(deal, 'reassign')).toEqual({ all: true });
    expect(all.readsField(deal, field('margin'))).toBe(true);
    expect(all.writesField(deal, field('stage'))).toBe(true);
    expect([all.sensitive, all.audit, all.personalData]).toEqual([true, true, true]);
  });
});
