import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLObjectType } from 'graphql';
import { JOURNAL_LINK_TABLE } from '../../entities/traitTables';
import { compileConnection } from '../../resolvers/compiler/compileConnection';
import { compileRecord } from '../../resolvers/compiler/compileSelection';
import { namedRecordVisible } from '../../resolvers/compiler/rowFilter';
import { and } from '../../resolvers/compiler/SqlBuilder';
import { computedField } from '../../schema/bindings';
import { inflection, traitNames } from '../../schema/inflection';
import { recordLinkType } from '../../schema/traits/journalTypes';
import { JOURNAL_LINK_FIELD } from '../reservedNames';
import { JOURNAL_ENTRY_MODEL } from './journalModel';
import { typedRecordField } from './journalRecord';
import type { Fields, Trait } from './Trait';

/**
 * Links between journal entries and any records (contract section 6), both ways: `links` on
 * an entry, `linkedJournalEntries` on every record type, once some type has a journal; and
 * the entry's own record and person, typed (`record`, `person`).
 */
export const journalLinksTrait: Trait = {
  name: 'journalLinks',
  appliesTo: (_entity, registry) => registry.find(JOURNAL_ENTRY_MODEL.name) !== undefined,
  onObjectFields: (types, entity): Fields => {
    if (entity.name === JOURNAL_ENTRY_MODEL.name) {
      return {
        links: computedField(
          { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(recordLinkType(types)))), description: 'The records this entry links to.' },
          (ctx, alias, nodes) => {
            const l = ctx.sql.alias();
            const record = compileRecord(ctx, ctx.schema.getType(traitNames.recordLink) as GraphQLObjectType, nodes, l);
            // A link's type and id are its record's too: it shows only when the caller may read that record.
            const linked = ctx.registry.entities.filter((e) => !e.builtIn);
            const where = and([`${l}.entry_id = ${alias}.id`, namedRecordVisible(linked, l, ctx.sql, (e, r) => ctx.sql.visible(e, r))]);
            return `(SELECT coalesce(json_agg(${record} ORDER BY ${l}.record_type, ${l}.record_id), '[]'::json) FROM ${JOURNAL_LINK_TABLE} ${l} WHERE ${where})`;
          },
        ),
        record: typedRecordField(types, 'record', 'The record this entry belongs to (null if you may not see it).'),
        person: typedRecordField(types, 'person', 'The person of the record the entry is about, if any (null if you may not see it).'),
      };
    }
    const journal = types.registry.get(JOURNAL_ENTRY_MODEL.name);
    return {
      [JOURNAL_LINK_FIELD]: computedField(
        {
          type: new GraphQLNonNull(types.connection(journal)),
          description: 'Journal entries that link to this record, newest first.',
          args: { first: { type: GraphQLInt }, after: { type: GraphQLString } },
        },
        (ctx, alias, nodes, args) => {
          const type = ctx.schema.getType(inflection.connectionType(journal)) as GraphQLObjectType;
          const l = ctx.sql.alias();
          const scope = (c: string) => `${c}.id IN (SELECT ${l}.entry_id FROM ${JOURNAL_LINK_TABLE} ${l} WHERE ${l}.record_id = ${alias}.id::text)`;
          const page = { first: args.first as number | null, after: args.after as string | null, orderBy: [{ occurredAt: 'DESC' }] };
          return compileConnection(ctx, journal, type, nodes, page, scope);
        },
      ),
    };
  },
};
