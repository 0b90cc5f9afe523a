import { GraphQLList, GraphQLNonNull, GraphQLObjectType } from 'graphql';
import { columnStorage } from '../../entities/columnTypes';
import { columnName } from '../../entities/storageNames';
import { RECORD_COLUMN, historyTableOf } from '../../entities/traitTables';
import { compileRecord } from '../../resolvers/compiler/compileSelection';
import { outputSql } from '../../resolvers/compiler/outputSql';
import { ident } from '../../resolvers/compiler/SqlBuilder';
import { fromJsonb } from '../../resolvers/temporalPeriods';
import { byResponseKey, computedField, type ComputedField } from '../../schema/bindings';
import type { GeneratedTypes } from '../../schema/GeneratedTypes';
import { inflection } from '../../schema/inflection';
import { describe, scalarOutputType } from '../../schema/objectTypes';
import { DateScalar } from '../../schema/scalars';
import type { EntityDefinition, FieldDefinition } from '../types';
import { temporalFieldsOf } from './historyModel';
import type { Fields, Trait } from './Trait';

/**
 * `temporal: true` fields (contract section 6), built in like master lists: the field reads
 * its period valid on the root field's `asOf` (default today), `<field>History` lists the
 * periods; writes go through `resolvers/temporalPeriods.ts` in the generic mutations.
 */
export const temporalTrait: Trait = {
  name: 'temporal',
  appliesTo: (entity) => temporalFieldsOf(entity).length > 0,
  onObjectFields: (types, entity): Fields => {
    const fields: Fields = {};
    for (const field of temporalFieldsOf(entity)) {
      fields[field.name] = computedField(
        { type: scalarOutputType(field, false), description: `${describe(field)} (with validity periods)`, deprecationReason: field.deprecated },
        valueOn(entity, field),
      );
      fields[inflection.historyField(field)] = computedField(
        { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(periodType(types, entity, field)))), description: `Every period of ${field.name}, oldest first.` },
        historyOf(entity, field),
      );
    }
    return fields;
  },
};

/**
 * The value on the day in the column's type, formatted as its scalar serialises it (a record
 * written before the field became temporal has no periods: its column).
 */
function valueOn(entity: EntityDefinition, field: FieldDefinition): ComputedField {
  const history = ident(historyTableOf(entity));
  return (ctx, alias) => {
    const h = ctx.sql.alias();
    const name = ctx.sql.param(field.name, 'text');
    const day = ctx.asOf ? ctx.sql.param(ctx.asOf, 'date') : 'current_date';
    const periods = `FROM ${history} ${h} WHERE ${h}.${RECORD_COLUMN} = ${alias}.id AND ${h}.field = ${name}`;
    const onDay = fromJsonb(field, `(SELECT ${h}.value ${periods} AND ${h}.valid_from <= ${day} AND (${h}.valid_to IS NULL OR ${h}.valid_to > ${day}))`);
    const value = `(CASE WHEN EXISTS (SELECT 1 ${periods}) THEN ${onDay} ELSE ${alias}.${ident(columnName(field))} END)`;
    return outputSql(value, columnStorage(field).sqlType, field.type);
  };
}

function historyOf(entity: EntityDefinition, field: FieldDefinition): ComputedField {
  const history = ident(historyTableOf(entity));
  return (ctx, alias, nodes) => {
    const h = ctx.sql.alias();
    const type = ctx.schema.getType(inflection.periodType(entity, field)) as GraphQLObjectType;
    const record = compileRecord(ctx, type, nodes, h);
    return `(SELECT coalesce(json_agg(${record} ORDER BY ${h}.valid_from), '[]'::json) FROM ${history} ${h} WHERE ${h}.${RECORD_COLUMN} = ${alias}.id AND ${h}.field = ${ctx.sql.param(field.name, 'text')})`;
  };
}

/** `<Type><Field>Period { value validFrom validTo }`. */
function periodType(types: GeneratedTypes, entity: EntityDefinition, field: FieldDefinition): GraphQLObjectType {
  const column = (name: string, sqlType: string) => ({ resolve: byResponseKey, extensions: { relata: { kind: 'system', column: name, sqlType } } });
  return types.shared(inflection.periodType(entity, field), () => new GraphQLObjectType({
    name: inflection.periodType(entity, field),
    description: `A value of ${entity.name}.${field.name} from validFrom until the day before validTo.`,
    fields: {
      value: computedField({ type: scalarOutputType(field, false) }, (_ctx, alias) =>
        outputSql(fromJsonb(field, `${alias}.value`), columnStorage(field).sqlType, field.type),
      ),
      validFrom: { type: new GraphQLNonNull(DateScalar), ...column('valid_from', 'date') },
      validTo: { type: DateScalar, ...column('valid_to', 'date') },
    },
  }));
}
