import { columnStorage } from '../entities/columnTypes';
import { columnName } from '../entities/storageNames';
import { BadUserInputError, ForbiddenError, type FieldError } from '../errors';
import type { RowScope } from '../metadata/roles/RoleDefinition';
import type { OWNED_COLUMNS } from '../metadata/traits/owned';
import type { EntityDefinition } from '../metadata/types';
import { inflection } from '../schema/inflection';
import type { RequestContext, Viewer } from './context';
import type { ColumnValue } from './validateInput';

/**
 * owner, team and area of a new owned record (issue 5): the creator, their first team and
 * first area. A create scope other than all must be met by those values.
 */
export function ownedValuesOnCreate(entity: EntityDefinition, context: Pick<RequestContext, 'access' | 'viewer'>): ColumnValue[] {
  if (!entity.traits.includes('owned')) return [];
  const values = creatorsOwnership(context.viewer);
  const refusal = outsideCreateScope(entity, context, values);
  if (refusal) throw new ForbiddenError(refusal);
  return columnsOf(entity, values);
}

export type Ownership = Readonly<Record<keyof typeof OWNED_COLUMNS, string | null>>;

/** The creator, their first team and first area: what a new owned record gets by default. */
export function creatorsOwnership(viewer: Viewer): Ownership {
  return { owner: viewer.sub, team: viewer.teams[0] ?? null, area: viewer.areas[0] ?? null };
}

/** Why a new record with `values` lies outside the caller's create scope, or undefined when it may be created. */
export function outsideCreateScope(entity: EntityDefinition, context: Pick<RequestContext, 'access' | 'viewer'>, values: Ownership): string | undefined {
  const { viewer } = context;
  const reach = context.access.reach(entity, 'create');
  const within = (scope: RowScope) =>
    scope === 'own' ? values.owner === viewer.sub : scope === 'team' ? viewer.teams.includes(values.team ?? '') : viewer.areas.includes(values.area ?? '');
  if (reach.all || reach.rows.some(within)) return undefined;
  return reach.rows.length === 0
    ? `You may not create ${inflection.typeName(entity)} records`
    : `You may create a ${inflection.typeName(entity)} only in one of your ${reach.rows.join(' or ')}s`;
}

/** The columns `reassign<Type>` changes: the arguments given; owner cannot be cleared. */
export function reassignValues(entity: EntityDefinition, args: { owner?: string | null; team?: string | null; area?: string | null }): ColumnValue[] {
  const errors: FieldError[] = [];
  const given: Record<string, string | null> = {};
  for (const field of entity.fields.filter((f) => f.managedBy === 'owned')) {
    const value = args[field.name as 'owner'];
    if (value === undefined) continue;
    if (value === null || value.trim() === '') {
      if (field.name === 'owner') errors.push({ field: 'owner', message: 'cannot be cleared' });
      else given[field.name] = null;
    } else if (value.length > field.maxLength!) {
      errors.push({ field: field.name, message: `must be at most ${field.maxLength} characters` });
    } else given[field.name] = value;
  }
  if (Object.keys(given).length === 0 && errors.length === 0) errors.push({ field: 'owner', message: 'give owner, team or area' });
  if (errors.length > 0) throw new BadUserInputError(errors);
  return columnsOf(entity, given);
}

function columnsOf(entity: EntityDefinition, values: Record<string, string | null>): ColumnValue[] {
  return entity.fields
    .filter((field) => field.managedBy === 'owned' && field.name in values)
    .map((field) => ({ field, column: columnName(field), value: values[field.name] ?? null, sqlType: columnStorage(field).sqlType }));
}
