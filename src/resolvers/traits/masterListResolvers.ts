import type { GraphQLFieldResolver } from 'graphql';
import {
  insertListValue,
  readListValue,
  readListValues,
  updateListValue,
  type ListValueChange,
  type ListValueRow,
} from '../../entities/masterListStore';
import { BadUserInputError, ConflictError, NotFoundError, type FieldError } from '../../errors';
import { listNamesOf } from '../../metadata/listNames';
import type { EntityDefinition, LocalizedText } from '../../metadata/types';
import type { MasterListSource } from '../../schema/traits/masterListTypes';
import type { RequestContext } from '../context';
import { isLocalizedText } from '../isLocalizedText';
import { requireAdmin } from '../requireAdmin';
import { validateInput } from '../validateInput';
import { checkListValues } from './checkListValues';

type Resolver<Args> = GraphQLFieldResolver<unknown, RequestContext, Args>;
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;

/** `masterList(name:)`: the list with all its values (filtered per `values` field), null when unknown. */
export const masterListResolver: Resolver<{ name: string }> = async (_source, { name }, context): Promise<MasterListSource | null> => {
  if (!listNamesOf(context.registry).includes(name)) return null;
  return { name, values: await readListValues(context.db, [name]) };
};

/** `addListValue(list:, input:)`: a new value, last unless a position is given. */
export const addListValueResolver: Resolver<{ list: string; input: Record<string, unknown> }> = async (_s, { list, input }, context) => {
  requireAdmin(context.viewer, 'edit master lists');
  checkListName(context, list);
  const errors: FieldError[] = [];
  const key = input.key as string;
  if (!KEY.test(key)) errors.push({ field: 'key', message: 'must start with a letter and hold at most 100 letters, digits, _ or -' });
  const label = checkLabel(input.label, errors);
  const parent = (input.parent as string | null | undefined) ?? null;
  if (parent !== null) await checkParent(context, list, key, parent, errors);
  if (errors.length > 0) throw new BadUserInputError(errors);
  try {
    return await insertListValue(context.db, { list, key, parent, label: label!, position: input.position as number | null });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new ConflictError(`List ${list} already has the key "${key}"`);
    throw error;
  }
};

/** `updateListValue(list:, key:, input:)`: relabel (labels merged by locale), regroup, reorder, reactivate. */
export const updateListValueResolver: Resolver<{ list: string; key: string; input: Record<string, unknown> }> = async (
  _s,
  { list, key, input },
  context,
) => {
  requireAdmin(context.viewer, 'edit master lists');
  checkListName(context, list);
  const errors: FieldError[] = [];
  const change: { -readonly [K in keyof ListValueChange]: ListValueChange[K] } = {};
  if (input.label != null) change.label = checkLabel(input.label, errors);
  if (input.parent !== undefined) {
    change.parent = input.parent as string | null;
    if (change.parent !== null) await checkParent(context, list, key, change.parent, errors);
  }
  if (input.position != null) change.position = input.position as number;
  if (input.active != null) change.active = input.active as boolean;
  if (errors.length > 0) throw new BadUserInputError(errors);
  const row = await updateListValue(context.db, list, key, change);
  if (!row) throw new NotFoundError(`Value of list ${list}`, key);
  return row;
};

/** `deactivateListValue(list:, key:)`: records keep the value; it is no longer offered or accepted for new writes. */
export const deactivateListValueResolver: Resolver<{ list: string; key: string }> = async (_s, { list, key }, context) => {
  requireAdmin(context.viewer, 'edit master lists');
  checkListName(context, list);
  const row = await updateListValue(context.db, list, key, { active: false });
  if (!row) throw new NotFoundError(`Value of list ${list}`, key);
  return row;
};

/**
 * Wraps create/update of a type with list fields: every value written must be an active
 * value of its list, except values the record already holds (deactivated values stay).
 */
export function checkingListValues(entity: EntityDefinition, update: boolean, resolve: Resolver<any>): Resolver<any> {
  return async (source, args, context, info) => {
    const input = (args.input ?? {}) as Record<string, unknown>;
    const errors = await listValueErrors(context, entity, input, update ? (args.id as string) : undefined);
    if (errors.length > 0) {
      // One answer names every bad field: the definition's own rules too.
      try {
        validateInput(entity, input, update ? 'update' : 'create');
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        errors.push(...error.fieldErrors.filter((e) => !errors.some((l) => l.field === e.field)));
      }
      throw new BadUserInputError(errors);
    }
    return resolve(source, args, context, info);
  };
}

/** The list fields of `input` holding a value that is not active in its list (nor held by record `id`). */
export async function listValueErrors(context: RequestContext, entity: EntityDefinition, input: Record<string, unknown>, id?: string) {
  const [errors] = await checkListValues(context.db, entity, [{ input, id }]);
  return errors!;
}

function checkListName(context: RequestContext, list: string): void {
  const known = listNamesOf(context.registry);
  if (!known.includes(list)) throw new BadUserInputError([{ field: 'list', message: `is not a list the model uses (${known.join(', ')})` }]);
}

/** Labels by locale: a non-empty object of non-empty strings. */
function checkLabel(value: unknown, errors: FieldError[]): LocalizedText | undefined {
  if (isLocalizedText(value)) return value;
  errors.push({ field: 'label', message: 'must be labels by locale, e.g. { "en": "Rowing", "de": "Rudern" }' });
  return undefined;
}

/** Two levels only: the parent is a top-level value of the same list, and a category gets no parent. */
async function checkParent(context: RequestContext, list: string, key: string, parent: string, errors: FieldError[]) {
  const row: ListValueRow | undefined = parent === key ? undefined : await readListValue(context.db, list, parent);
  if (!row) errors.push({ field: 'parent', message: `is not a value of list ${list}` });
  else if (row.parent !== null) errors.push({ field: 'parent', message: 'is itself in a category: lists have two levels' });
  else {
    const children = (await readListValues(context.db, [list])).filter((v) => v.parent === key);
    if (children.length > 0) errors.push({ field: 'parent', message: 'this value is a category of other values' });
  }
}
