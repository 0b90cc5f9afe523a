import { getNamedType, type GraphQLFieldResolver, type GraphQLObjectType } from 'graphql';
import { readAttributeDefinitions, saveAttributeDefinition, type AttributeDefinitionRow } from '../../entities/attributeStore';
import { tableName } from '../../entities/storageNames';
import { RECORD_COLUMN, attributeTableOf } from '../../entities/traitTables';
import { BadUserInputError, ConflictError, NotFoundError, type FieldError } from '../../errors';
import { ATTRIBUTE_TYPES, type AttributeType } from '../../metadata/traits/attributeModel';
import type { EntityDefinition, LocalizedText } from '../../metadata/types';
import { inflection } from '../../schema/inflection';
import { compileRecord } from '../compiler/compileSelection';
import { rowFilterOf } from '../compiler/rowFilter';
import { lockChangeableRecord } from './lockChangeableRecord';
import { QueryContext } from '../compiler/QueryContext';
import { ident } from '../compiler/SqlBuilder';
import type { RequestContext } from '../context';
import { isLocalizedText } from '../isLocalizedText';
import { requireAdmin } from '../requireAdmin';
import { isUuid } from '../validateInput';

type Resolver<Args> = GraphQLFieldResolver<unknown, RequestContext, Args>;
const NAME = /^[a-z][A-Za-z0-9]{0,62}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A Date scalar value (parsed to a Date) as `YYYY-MM-DD`. */
export function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value : undefined;
}

/** `attributeDefinitions(type:)`: every definition, or those that apply to a type. */
export const attributeDefinitionsResolver: Resolver<{ type?: string | null }> = async (_s, { type }, context) => {
  const all = await readAttributeDefinitions(context.db);
  return type == null ? all : all.filter((d) => appliesTo(d, type));
};

/** `defineAttribute(input:)`: administrators only; redefining keeps type and target, changes the rest. */
export const defineAttributeResolver: Resolver<{ input: Record<string, unknown> }> = async (_s, { input }, context) => {
  requireAdmin(context.viewer, 'define attributes');
  const attributed = context.registry.entities.filter((e) => e.traits.includes('attributes')).map((e) => e.name);
  const errors: FieldError[] = [];
  const name = input.name as string;
  const type = input.type as AttributeType;
  const options = (input.options as string[] | null | undefined) ?? null;
  const target = (input.target as string | null | undefined) ?? null;
  const applies = (input.appliesTo as string[] | null | undefined) ?? null;
  if (!NAME.test(name)) errors.push({ field: 'name', message: 'must be camelCase, at most 63 characters' });
  if (!isLocalizedText(input.label)) errors.push({ field: 'label', message: 'must be labels by locale, e.g. { "en": "Rating" }' });
  if (!ATTRIBUTE_TYPES.includes(type)) errors.push({ field: 'type', message: `must be one of: ${ATTRIBUTE_TYPES.join(', ')}` });
  if ((type === 'choice') !== (options !== null && options.length > 0)) errors.push({ field: 'options', message: 'are required for, and only for, a choice attribute' });
  if (type === 'reference' ? !target || !context.registry.find(target) || context.registry.get(target).builtIn : target !== null) {
    errors.push({ field: 'target', message: 'is required for, and only for, a reference attribute, and must name a type' });
  }
  for (const t of applies ?? []) if (!attributed.includes(t)) errors.push({ field: 'appliesTo', message: `"${t}" is not a type with the attributes trait` });
  if (errors.length > 0) throw new BadUserInputError(errors);
  const saved = await saveAttributeDefinition(context.db, { name, label: input.label as LocalizedText, type, options, target, appliesTo: applies });
  if (!saved) throw new ConflictError(`Attribute ${name} exists with another type or target; its type cannot change`);
  return saved;
};

/**
 * `setAttribute(type:, id:, name:, value:, validFrom:, validTo:)`: a value for a period. An
 * open-ended value supersedes the open-ended one before it (which ends where it starts);
 * any other overlap is refused by the table's exclusion constraint (CONFLICT).
 */
export const setAttributeResolver: Resolver<Record<string, unknown>> = async (_s, args, context, info) => {
  const entity = context.registry.find(args.type as string);
  if (!entity || !entity.traits.includes('attributes')) {
    throw new BadUserInputError([{ field: 'type', message: 'is not a type with the attributes trait' }]);
  }
  const id = args.id as string;
  if (!isUuid(id)) throw new NotFoundError(inflection.typeName(entity), id);
  const [definition] = await readAttributeDefinitions(context.db, args.name as string);
  const validFrom = isoDate(args.validFrom) ?? new Date().toISOString().slice(0, 10);
  const validTo = isoDate(args.validTo) ?? null;
  const value = args.value ?? null;
  const errors: FieldError[] = [];
  if (!definition || !appliesTo(definition, entity.name)) errors.push({ field: 'name', message: `is not an attribute of ${entity.name}` });
  else {
    const problem = await valueProblem(context, definition, value);
    if (problem) errors.push({ field: 'value', message: problem });
  }
  if (validTo !== null && validTo <= validFrom) errors.push({ field: 'validTo', message: 'must be after validFrom' });
  if (errors.length > 0) throw new BadUserInputError(errors);

  const table = ident(attributeTableOf(entity));
  try {
    return await context.db.transaction(async (tx) => {
      await lockChangeableRecord(tx, context, entity, id);
      if (validTo === null) {
        await tx.query(
          `UPDATE ${table} SET valid_to = $3::date, version = version + 1, updated_at = now() WHERE ${RECORD_COLUMN} = $1::uuid AND name = $2 AND valid_to IS NULL AND valid_from < $3::date`,
          [id, definition!.name, validFrom],
        );
      }
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO ${table} (${RECORD_COLUMN}, name, value, valid_from, valid_to) VALUES ($1::uuid, $2, $3::jsonb, $4::date, $5::date) RETURNING id`,
        [id, definition!.name, JSON.stringify(value), validFrom, validTo],
      );
      const query = QueryContext.fromInfo(context.registry, info, rowFilterOf(context, 'read'));
      const a = query.sql.alias();
      const record = compileRecord(query, getNamedType(info.returnType) as GraphQLObjectType, info.fieldNodes, a);
      const [read] = await tx.query<{ value: unknown }>(`SELECT ${record} AS value FROM ${table} ${a} WHERE ${a}.id = ${query.sql.param(row!.id, 'uuid')}`, query.sql.params);
      return read!.value;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23P01') {
      throw new ConflictError(`${definition!.name} already has a value for part of that period`, {
        fieldErrors: [{ field: 'validFrom', message: 'the period overlaps another value of this attribute' }],
      });
    }
    throw error;
  }
};

function appliesTo(definition: AttributeDefinitionRow, type: string): boolean {
  return !definition.appliesTo || definition.appliesTo.length === 0 || definition.appliesTo.includes(type);
}

/** Why `value` does not fit the attribute's type, or undefined; null always fits (no value for the period). */
async function valueProblem(context: RequestContext, definition: AttributeDefinitionRow, value: unknown): Promise<string | undefined> {
  if (value === null) return undefined;
  switch (definition.type as AttributeType) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000 ? undefined : 'must be a text of at most 2000 characters';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'must be a number';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'must be a date like 2026-06-30';
    case 'choice':
      return typeof value === 'string' && (definition.options ?? []).includes(value) ? undefined : `must be one of: ${(definition.options ?? []).join(', ')}`;
    case 'reference': {
      const target: EntityDefinition | undefined = definition.target ? context.registry.find(definition.target) : undefined;
      if (!target || !isUuid(value)) return `must be the id of a ${definition.target}`;
      const rows = await context.db.query(`SELECT 1 FROM ${ident(tableName(target))} WHERE id = $1::uuid`, [value]);
      return rows.length > 0 ? undefined : `must be the id of a ${definition.target}`;
    }
    default:
      return 'has an unknown attribute type';
  }
}
