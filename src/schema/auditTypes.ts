import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfigArgumentMap,
} from 'graphql';
import type { TypeBinding } from './bindings';
import { DateTimeScalar, JsonScalar } from './scalars';

/** The GraphQL types of the audit trail (issue 5), the same in every schema. */
export interface AuditTypes {
  readonly connection: GraphQLObjectType;
  readonly pageArgs: GraphQLFieldConfigArgumentMap;
}

const list = <T extends GraphQLObjectType>(type: T) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)));

export function buildAuditTypes(pageInfo: GraphQLObjectType): AuditTypes {
  const change = new GraphQLObjectType({
    name: 'AuditChange',
    description: 'One field of a change: its value before and after (JSON).',
    fields: {
      field: { type: new GraphQLNonNull(GraphQLString) },
      old: { type: JsonScalar },
      new: { type: JsonScalar },
      masked: { type: new GraphQLNonNull(GraphQLBoolean), description: 'The values are hidden: the field is sensitive or not readable for you.' },
    },
  });
  const entry = new GraphQLObjectType({
    name: 'AuditEntry',
    description: 'An append-only record of one create, update, delete, reassign or erase.',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLID) },
      at: { type: new GraphQLNonNull(DateTimeScalar) },
      actor: { type: new GraphQLNonNull(GraphQLString), description: 'The user (token sub) or api-key:<id>.' },
      apiKey: { type: GraphQLID, description: 'The API key that made the call, when it was one.' },
      type: { type: new GraphQLNonNull(GraphQLString) },
      recordId: { type: new GraphQLNonNull(GraphQLID) },
      action: { type: new GraphQLNonNull(GraphQLString), description: 'create, update, delete, reassign or erase.' },
      changes: { type: list(change) },
    },
  });
  const edge = new GraphQLObjectType({
    name: 'AuditEntryEdge',
    fields: { cursor: { type: new GraphQLNonNull(GraphQLString) }, node: { type: new GraphQLNonNull(entry) } },
  });
  const connection = new GraphQLObjectType({
    name: 'AuditEntryConnection',
    description: 'Audit entries, newest first.',
    extensions: { relata: { kind: 'auditConnection' } satisfies TypeBinding },
    fields: {
      nodes: { type: list(entry) },
      edges: { type: list(edge) },
      pageInfo: { type: new GraphQLNonNull(pageInfo) },
      totalCount: { type: new GraphQLNonNull(GraphQLInt) },
    },
  });
  return {
    connection,
    pageArgs: {
      first: { type: GraphQLInt, description: 'Page size (default 50, at most 500).' },
      after: { type: GraphQLString },
    },
  };
}
