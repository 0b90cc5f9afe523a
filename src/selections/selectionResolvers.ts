import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { BadUserInputError, NotFoundError, type FieldError } from '../errors';
import { rowFilterOf } from '../resolvers/compiler/rowFilter';
import type { SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import type { RequestContext } from '../resolvers/context';
import type { SelectionResolvers } from '../schema/selectionTypes';
import { parseCondition } from './parseCondition';
import { recordCampaignResolver } from './recordCampaign';
import { resolveCondition, resolveSaved } from './resolveCondition';
import { conditionSql, recordConnection, type PageArgs } from './runCondition';
import { SelectionStore, type SelectionValues } from './SelectionStore';
import { snapshotMembersScope, SnapshotStore } from './SnapshotStore';

type Resolve<Args, Source = unknown> = GraphQLFieldResolver<Source, RequestContext, Args>;

interface SelectionInput {
  readonly name?: string | null;
  readonly type?: string;
  readonly condition?: unknown;
  readonly sharedWithRoles?: readonly string[] | null;
}

const storeOf = (context: RequestContext) => new SelectionStore(context.db, context.viewer);

/** Checks name, type, condition and references of a selection to be saved (BAD_USER_INPUT names each). */
async function validated(context: RequestContext, info: GraphQLResolveInfo, values: SelectionValues, self?: string) {
  const errors: FieldError[] = [];
  if (values.name.trim() === '' || values.name.length > 200) errors.push({ field: 'name', message: 'must be 1 to 200 characters' });
  if (values.sharedWithRoles.some((r) => r.trim() === '' || r.length > 100)) errors.push({ field: 'sharedWithRoles', message: 'roles must be 1 to 100 characters' });
  if (errors.length > 0) throw new BadUserInputError(errors);
  const now = new Date();
  const parsed = parseCondition(context.access, info.schema, values.type, values.condition, now);
  await resolveCondition(context.access, info.schema, storeOf(context), parsed, now, self);
  return values;
}

export const selectionResolvers: SelectionResolvers = {
  selections: (async (_s, args, context) => storeOf(context).list(args.type ?? undefined)) as Resolve<{ type?: string | null }>,

  selection: (async (_s, { id }, context) => {
    const [row] = await storeOf(context).visible([id]);
    return row ?? null;
  }) as Resolve<{ id: string }>,

  runSelection: (async (_s, args, context, info) => {
    const resolved = await resolveSaved(context, info.schema, args.id);
    const entity = context.registry.get(resolved.type);
    return recordConnection(context, info, entity, (alias, sql) => conditionSql(context, resolved, alias, sql), args);
  }) as Resolve<{ id: string } & PageArgs>,

  previewSelection: (async (_s, args, context, info) => {
    const now = new Date();
    const parsed = parseCondition(context.access, info.schema, args.type, args.condition, now);
    const resolved = await resolveCondition(context.access, info.schema, storeOf(context), parsed, now);
    const entity = context.registry.get(resolved.type);
    return recordConnection(context, info, entity, (alias, sql) => conditionSql(context, resolved, alias, sql), args);
  }) as Resolve<{ type: string; condition: unknown } & PageArgs>,

  createSelection: (async (_s, { input }, context, info) => {
    const values = await validated(context, info, {
      name: input.name ?? '',
      type: input.type ?? '',
      condition: input.condition,
      sharedWithRoles: input.sharedWithRoles ?? [],
    });
    return storeOf(context).insert(values);
  }) as Resolve<{ input: SelectionInput }>,

  updateSelection: (async (_s, { id, input, expectedVersion }, context, info) => {
    const store = storeOf(context);
    const current = await store.get(id);
    const values = await validated(
      context,
      info,
      {
        name: input.name ?? current.name,
        type: current.type,
        condition: input.condition ?? current.condition,
        sharedWithRoles: input.sharedWithRoles ?? current.sharedWithRoles,
      },
      id,
    );
    return store.update(id, values, expectedVersion);
  }) as Resolve<{ id: string; input: SelectionInput; expectedVersion?: number | null }>,

  deleteSelection: (async (_s, { id }, context) => storeOf(context).delete(id)) as Resolve<{ id: string }>,

  snapshotSelection: (async (_s, { id, name }, context, info) => {
    const saved = await storeOf(context).get(id);
    const resolved = await resolveSaved(context, info.schema, id);
    const entity = context.registry.get(resolved.type);
    const members = (alias: string, sql: SqlBuilder) => conditionSql(context, resolved, alias, sql);
    return new SnapshotStore(context.db, context.viewer).take(saved, name ?? saved.name, entity, members, rowFilterOf(context, 'read'));
  }) as Resolve<{ id: string; name?: string | null }>,

  recordCampaign: recordCampaignResolver,

  snapshot: (async (_s, { id }, context) => new SnapshotStore(context.db, context.viewer).get(id)) as Resolve<{ id: string }>,

  snapshotMembers: (async (snapshot, args, context, info) => {
    const entity = context.registry.entities.find((e) => e.name === snapshot.type);
    if (!entity) throw new NotFoundError('Snapshot', `${snapshot.id} (type ${snapshot.type} no longer exists)`);
    return recordConnection(context, info, entity, snapshotMembersScope(snapshot.id), args);
  }) as Resolve<PageArgs, { id: string; type: string }>,
};
