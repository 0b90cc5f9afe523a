import { GraphQLBoolean, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLObjectType } from 'graphql';
import { columnName, tableName } from '../../entities/storageNames';
import { compileConnection } from '../../resolvers/compiler/compileConnection';
import type { QueryContext } from '../../resolvers/compiler/QueryContext';
import { ident } from '../../resolvers/compiler/SqlBuilder';
import {
  absencesResolver,
  completeFollowUpResolver,
  createJournalEntryResolver,
  myFollowUpsResolver,
  recordAbsenceResolver,
} from '../../resolvers/traits/journalResolvers';
import { computedField, type ComputedField } from '../../schema/bindings';
import { inflection } from '../../schema/inflection';
import { absenceInputType, absenceType, followUpDueType, journalEntryInputType } from '../../schema/traits/journalTypes';
import type { MetadataRegistry } from '../MetadataRegistry';
import type { EntityDefinition } from '../types';
import { JOURNAL_ENTRY_MODEL } from './journalModel';
import { declaredBy, type Fields, type Trait } from './Trait';

/** Newest first; ties by id, so cursors stay stable. */
const NEWEST_FIRST = [{ occurredAt: 'DESC' }];

/**
 * `traits: [journal]` (contract section 6): the record's timeline, the journal's mutations,
 * follow-ups with deputies and recurrence. Entries are the built-in type journalEntry
 * (`journalModel.ts`), so `journalEntries(where:, ...)` and the timeline's connection are the
 * generic, compiled ones.
 */
export const journalTrait: Trait = {
  name: 'journal',
  appliesTo: declaredBy('journal'),
  onObjectFields: (types, entity) => {
    const journal = types.registry.get(JOURNAL_ENTRY_MODEL.name);
    return {
      journal: computedField(
        {
          type: new GraphQLNonNull(types.connection(journal)),
          description: 'Journal entries of the record and of the records that belong to it (its persons), newest first.',
          args: { first: { type: GraphQLInt }, after: { type: GraphQLString } },
        },
        timelineOf(types.registry, entity),
      ),
    };
  },
  queryFields: (types, entities): Fields => {
    if (entities.length === 0) return {};
    const entry = types.object(types.registry.get(JOURNAL_ENTRY_MODEL.name));
    return {
      myFollowUps: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(entry))),
        description: "The caller's open follow-ups, and those of colleagues the caller deputises for now, by due date.",
        args: { due: { type: new GraphQLNonNull(followUpDueType(types)) } },
        resolve: myFollowUpsResolver,
      },
      absences: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(absenceType(types)))),
        description: "A user's absences and deputies (default: the caller's), those not ended unless includePast.",
        args: { user: { type: GraphQLString }, includePast: { type: GraphQLBoolean, defaultValue: false } },
        resolve: absencesResolver,
      },
    };
  },
  mutationFields: (types, entities): Fields => {
    if (entities.length === 0) return {};
    const journal = types.registry.get(JOURNAL_ENTRY_MODEL.name);
    const entry = new GraphQLNonNull(types.object(journal));
    // Writing entries takes create rights on journalEntry (and, checked per entry, read access to its records).
    const create: Fields = types.access.can(journal, 'create')
      ? { createJournalEntry: { type: entry, args: { input: { type: new GraphQLNonNull(journalEntryInputType(types)) } }, resolve: createJournalEntryResolver } }
      : {};
    return {
      ...create,
      completeFollowUp: {
        type: entry,
        description: 'Marks the follow-up done; a recurring one gets its next occurrence as a new entry.',
        args: { id: { type: new GraphQLNonNull(GraphQLID) } },
        resolve: completeFollowUpResolver,
      },
      recordAbsence: {
        type: new GraphQLNonNull(absenceType(types)),
        args: { input: { type: new GraphQLNonNull(absenceInputType(types)) } },
        resolve: recordAbsenceResolver,
      },
    };
  },
};

/**
 * The timeline as a nested connection: entries of the record, entries about it as a person,
 * and entries of journal records that refer to it (a company's persons).
 */
function timelineOf(registry: MetadataRegistry, entity: EntityDefinition): ComputedField {
  const children = registry
    .inversesOf(entity.name)
    .filter((inverse) => inverse.field.type === 'reference' && registry.get(inverse.source).traits.includes('journal'));
  return (ctx: QueryContext, alias, nodes, args) => {
    const journal = ctx.registry.get(JOURNAL_ENTRY_MODEL.name);
    const type = ctx.schema.getType(inflection.connectionType(journal)) as GraphQLObjectType;
    const scope = (c: string) => {
      const own = `${alias}.id::text`;
      const parts = [`(${c}.record_type = ${ctx.sql.param(entity.name, 'text')} AND ${c}.record_id = ${own})`, `${c}.person_id = ${own}`];
      for (const child of children) {
        const s = ctx.sql.alias();
        const source = registry.get(child.source);
        parts.push(
          `(${c}.record_type = ${ctx.sql.param(source.name, 'text')} AND ${c}.record_id IN ` +
            `(SELECT ${s}.id::text FROM ${ident(tableName(source))} ${s} WHERE ${s}.${ident(columnName(child.field))} = ${alias}.id))`,
        );
      }
      return `(${parts.join(' OR ')})`;
    };
    return compileConnection(ctx, journal, type, nodes, { first: args.first as number | null, after: args.after as string | null, orderBy: NEWEST_FIRST }, scope);
  };
}
