import { parse, type OperationDefinitionNode } from 'graphql';
import { AccessPolicy } from '../../src/access/AccessPolicy';
import { TRAITS } from '../../src/metadata/traits';
import type { RootRead } from '../../src/resolvers/readResolvers';
import { resolverFactory } from '../../src/resolvers/resolverFactory';
import { buildSchema } from '../../src/schema/buildSchema';
import { compiledPlanOf, type CompiledPlan } from '../../src/server/compiledPlan';
import { MAX_STATEMENTS_PER_PLAN, statementsFor } from '../../src/server/statementCache';
import { registryOf } from '../support/registries';

const registry = registryOf({
  'company.yaml': `name: company\nplural: companies\ntraits: [owned]\nfields:\n  name: { type: string }\n  parent: { type: reference, target: company, inverse: children }\n`,
  'roles.yaml': `roles:\n  admin: { permissions: { '*': all } }\n  mine: { permissions: { company: { read: own } } }\n  team: { permissions: { company: { read: team } } }\n`,
});
const admin = AccessPolicy.of(registry, ['admin']);
const mine = AccessPolicy.of(registry, ['mine']);
const schema = buildSchema(registry, resolverFactory, TRAITS, admin);
const viewer = (sub: string, teams: string[] = []) => ({ sub, roles: [], teams, areas: [] });
const ID1 = '00000000-0000-4000-8000-000000000001';
const ID2 = '00000000-0000-4000-8000-000000000002';

/** The plan of `query`, with each read's compiles counted. */
function countedPlan(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const plan = compiledPlanOf(schema, document, operation, variables)!;
  const compiles = { count: 0 };
  const counting = (read: RootRead): RootRead => ({
    slotArguments: read.slotArguments,
    compile: (args, request) => {
      compiles.count += 1;
      return read.compile(args, request);
    },
  });
  const counted: CompiledPlan = { ...plan, reads: plan.reads.map((r) => ({ ...r, read: counting(r.read) })) };
  return { plan: counted, operation, compiles };
}

describe('statementsFor', () => {
  it('compiles a root id read once and binds each request its id', () => {
    const { plan, operation, compiles } = countedPlan('query($id: ID!) { company(id: $id) { name parent { name } } }');
    const context = { registry, access: admin, viewer: viewer('u1') };
    const [first] = statementsFor(plan, operation, context, { id: ID1 });
    const [second] = statementsFor(plan, operation, context, { id: ID2 });
    expect(compiles.count).toBe(1);
    expect(second!.text).toBe(first!.text);
    expect(first!.params).toEqual([ID1]);
    expect(second!.params).toEqual([ID2]);
    // An id that is no UUID answers null without a statement, as the resolver does.
    expect(statementsFor(plan, operation, context, { id: 'nope' })).toEqual([null]);
    expect(compiles.count).toBe(1);
  });

  it('binds the viewer of each request into the row scope of its role set', () => {
    const { plan, operation, compiles } = countedPlan('query($id: ID!) { company(id: $id) { name children { nodes { name } } } }');
    const u1 = statementsFor(plan, operation, { registry, access: mine, viewer: viewer('u1') }, { id: ID1 })[0]!;
    const u2 = statementsFor(plan, operation, { registry, access: mine, viewer: viewer('u2') }, { id: ID1 })[0]!;
    expect(compiles.count).toBe(1);
    expect(u2.text).toBe(u1.text);
    // The nested page's scope is compiled (and placed) before the root's id and scope.
    expect(u1.params).toEqual(['u1', ID1, 'u1']);
    expect(u2.params).toEqual(['u2', ID1, 'u2']);
    // Another role set, another statement: admin reads every row, so no viewer parameter.
    const all = statementsFor(plan, operation, { registry, access: admin, viewer: viewer('u1') }, { id: ID1 })[0]!;
    expect(compiles.count).toBe(2);
    expect(all.text).not.toBe(u1.text);
    expect(all.params).toEqual([ID1]);
  });

  it('keys by value the variables that shape the SQL, keeping a bounded number of statement sets', () => {
    const { plan, operation, compiles } = countedPlan('query($n: Int) { companies(first: $n) { nodes { name } } }');
    const context = { registry, access: admin, viewer: viewer('u1') };
    const texts = [1, 2, 1, null, 2].map((n) => statementsFor(plan, operation, context, n === null ? {} : { n })[0]!.text);
    expect(compiles.count).toBe(3);
    expect(texts[0]).toContain('LIMIT 1');
    expect(texts[1]).toContain('LIMIT 2');
    expect(texts[3]).toContain('LIMIT 50');
    for (let n = 0; n < MAX_STATEMENTS_PER_PLAN + 5; n++) statementsFor(plan, operation, context, { n });
    const before = compiles.count;
    statementsFor(plan, operation, context, { n: 1 });
    expect(compiles.count).toBe(before + 1);
  });

  it('keys by value an id variable that is also used elsewhere, or is nullable', () => {
    const twice = countedPlan('query($id: ID!) { company(id: $id) { name } companies(where: { id: { neq: $id } }) { nodes { name } } }');
    const context = { registry, access: admin, viewer: viewer('u1') };
    statementsFor(twice.plan, twice.operation, context, { id: ID1 });
    statementsFor(twice.plan, twice.operation, context, { id: ID2 });
    statementsFor(twice.plan, twice.operation, context, { id: ID1 });
    expect(twice.compiles.count).toBe(4);
    const nullable = countedPlan('query($id: ID = "00000000-0000-4000-8000-000000000001") { company(id: $id) { name } }');
    statementsFor(nullable.plan, nullable.operation, context, { id: ID1 });
    statementsFor(nullable.plan, nullable.operation, context, { id: ID2 });
    expect(nullable.compiles.count).toBe(2);
  });

  it('compiles per request what cannot be compiled for every request, and reports its error from there', () => {
    const { plan, operation } = countedPlan('query($n: Int) { companies(first: $n) { nodes { name } } }');
    const context = { registry, access: admin, viewer: viewer('u1') };
    expect(() => statementsFor(plan, operation, context, { n: -1 })).toThrow(/must not be negative/);
    expect(() => statementsFor(plan, operation, context, { n: -1 })).toThrow(/must not be negative/);
  });
});
