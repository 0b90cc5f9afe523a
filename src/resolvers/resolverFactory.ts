import type { ResolverFactory } from '../schema/rootFields';
import { selectionResolvers } from '../selections/selectionResolvers';
import { transferResolvers } from '../transfer/transferResolvers';
import { makeAuditEntries, makeHistory } from './auditResolvers';
import { makeErasePersonalData, makeExportPersonalData } from './personalDataResolvers';
import { makeCreate, makeDelete, makeReassign, makeUpdate } from './mutationResolvers';
import { makeGetById, makeList } from './readResolvers';

/** The generic resolvers the schema builder attaches to each type's root fields. */
export const resolverFactory: ResolverFactory = {
  getById: makeGetById,
  list: makeList,
  create: makeCreate,
  update: makeUpdate,
  delete: makeDelete,
  reassign: makeReassign,
  history: makeHistory,
  auditEntries: makeAuditEntries,
  exportPersonalData: makeExportPersonalData,
  erasePersonalData: makeErasePersonalData,
  selections: selectionResolvers,
  transfer: transferResolvers,
};
