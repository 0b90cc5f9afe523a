import { GraphQLID, GraphQLInputObjectType, GraphQLInt, GraphQLObjectType, GraphQLString, type GraphQLFieldConfigMap } from 'graphql';
import { JOURNAL_ENTRY_MODEL } from '../metadata/traits/journalModel';
import type { GeneratedTypes } from './GeneratedTypes';
import { DateTimeScalar } from './scalars';
import type { Resolver } from './selectionTypes';
import { nonNull } from './typeWrappers';

/**
 * `recordCampaign(selection:, snapshot:, input: CampaignInput!): CampaignResult!` (issue 7,
 * mailings): a journal entry per recipient, for callers who may create journal entries.
 */
export function campaignFields(types: GeneratedTypes, resolve: Resolver): GraphQLFieldConfigMap<unknown, unknown> {
  const journal = types.registry.find(JOURNAL_ENTRY_MODEL.name);
  if (!journal || !types.access.can(journal, 'create')) return {};
  const input = new GraphQLInputObjectType({
    name: 'CampaignInput',
    fields: {
      name: { type: nonNull(GraphQLString), description: 'Names the campaign: repeating it records nobody twice.' },
      kind: { type: GraphQLString, description: 'Key of list journalKind, e.g. letter.' },
      type: { type: GraphQLString, description: 'Key of list journalType.' },
      subject: { type: GraphQLString },
      text: { type: GraphQLString },
      occurredAt: { type: DateTimeScalar, description: 'Default: now.' },
    },
  });
  const result = new GraphQLObjectType({
    name: 'CampaignResult',
    fields: {
      recorded: { type: nonNull(GraphQLInt), description: 'Recipients who got an entry now.' },
      alreadyRecorded: { type: nonNull(GraphQLInt), description: 'Recipients who had an entry of this campaign already.' },
    },
  });
  return {
    recordCampaign: {
      type: nonNull(result),
      description:
        'Records one journal entry per recipient: the current members of a selection or the members of a snapshot (exactly one of them) that you may read.',
      args: { selection: { type: GraphQLID }, snapshot: { type: GraphQLID }, input: { type: nonNull(input) } },
      resolve,
    },
  };
}
