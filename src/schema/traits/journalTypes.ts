import {
  GraphQLEnumType,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
} from 'graphql';
import { byResponseKey } from '../bindings';
import type { GeneratedTypes } from '../GeneratedTypes';
import { traitNames } from '../inflection';
import { DateTimeScalar } from '../scalars';
import { typedRecordField } from '../../metadata/traits/journalRecord';

const text = new GraphQLNonNull(GraphQLString);
const id = new GraphQLNonNull(GraphQLID);
const dateTime = new GraphQLNonNull(DateTimeScalar);

/** `JournalEntryInput { record person kind type subject text occurredAt followUp { owner dueAt rrule } links }` (contract section 6). */
export function journalEntryInputType(types: GeneratedTypes): GraphQLInputObjectType {
  const followUp = types.shared(traitNames.followUpInput, () => new GraphQLInputObjectType({
    name: traitNames.followUpInput,
    fields: {
      owner: { type: text, description: 'User id as in the token\'s sub.' },
      dueAt: { type: dateTime },
      rrule: { type: GraphQLString, description: 'RFC 5545 recurrence rule, e.g. FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO; completing creates the next.' },
    },
  }));
  return types.shared(traitNames.journalEntryInput, () => new GraphQLInputObjectType({
    name: traitNames.journalEntryInput,
    fields: {
      record: { type: id, description: 'The record of a journal type the entry belongs to.' },
      person: { type: GraphQLID, description: 'One of its persons: a record that refers to it.' },
      kind: { type: GraphQLString, description: 'Key of list journalKind.' },
      type: { type: GraphQLString, description: 'Key of list journalType.' },
      subject: { type: GraphQLString },
      text: { type: GraphQLString },
      occurredAt: { type: DateTimeScalar, description: 'Default: now.' },
      followUp: { type: followUp },
      links: { type: new GraphQLList(id), description: 'Ids of any other records the entry concerns.' },
    },
  }));
}

export function followUpDueType(types: GeneratedTypes): GraphQLEnumType {
  return types.shared(traitNames.followUpDue, () => new GraphQLEnumType({
    name: traitNames.followUpDue,
    description: 'Due dates by day in UTC.',
    values: {
      OVERDUE: { value: 'OVERDUE', description: 'due before today' },
      TODAY: { value: 'TODAY', description: 'due today' },
      NEXT_7_DAYS: { value: 'NEXT_7_DAYS', description: 'due today or in the six days after' },
    },
  }));
}

/** `Absence { id user from to deputy }` and its input. */
export function absenceType(types: GeneratedTypes): GraphQLObjectType {
  return types.shared(traitNames.absence, () => new GraphQLObjectType({
    name: traitNames.absence,
    description: 'While a user is absent, the deputy sees and may complete their follow-ups.',
    fields: { id: { type: id }, user: { type: text }, from: { type: dateTime }, to: { type: dateTime }, deputy: { type: text } },
  }));
}

export function absenceInputType(types: GeneratedTypes): GraphQLInputObjectType {
  return types.shared(traitNames.absenceInput, () => new GraphQLInputObjectType({
    name: traitNames.absenceInput,
    fields: {
      user: { type: GraphQLString, description: 'Default: the caller.' },
      from: { type: dateTime },
      to: { type: dateTime },
      deputy: { type: text },
    },
  }));
}

/** `RecordLink { type id }`: a record an entry links to, compiled like system columns. */
export function recordLinkType(types: GeneratedTypes): GraphQLObjectType {
  const column = (name: string, sqlType: string) => ({ resolve: byResponseKey, extensions: { relata: { kind: 'system', column: name, sqlType } } });
  return types.shared(traitNames.recordLink, () => new GraphQLObjectType({
    name: traitNames.recordLink,
    fields: () => ({
      type: { type: text, ...column('record_type', 'text') },
      id: { type: id, ...column('record_id', 'text') },
      record: typedRecordField(types, 'record', 'The linked record (null if you may not see it).'),
    }),
  }));
}
