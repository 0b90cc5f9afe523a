import type { GraphQLFieldResolver } from 'graphql';
import type { RequestContext } from '../resolvers/context';
import type { TransferResolvers } from '../schema/transferTypes';
import { EXPORTS_PATH } from './exportRoute';
import { ExportStore } from './ExportStore';
import type { ImportMode } from './ImportReport';
import { importRecords } from './importRecords';
import { callerImporter } from './importRights';
import { prepareExport, type ExportRequest } from './prepareExport';
import { UploadStore } from './UploadStore';
import type { ExportFormat } from './writeExport';

type Resolve<Args> = GraphQLFieldResolver<unknown, RequestContext, Args>;

interface ExportArgs {
  readonly type: string;
  readonly where?: unknown;
  readonly selection?: string | null;
  readonly snapshot?: string | null;
  readonly columns: readonly string[];
  readonly format: ExportFormat;
  readonly csv?: { delimiter?: string | null; bom?: boolean | null } | null;
}

interface ImportArgs {
  readonly type: string;
  readonly upload: string;
  readonly mapping?: Record<string, unknown> | null;
  readonly mode: ImportMode;
  readonly upsertKey?: string | null;
}

export const transferResolvers: TransferResolvers = {
  /** Checks the request now (BAD_USER_INPUT names each bad part) and stores it for the download. */
  exportRecords: (async (_s, args, context, info) => {
    const request: ExportRequest = {
      type: args.type,
      where: args.where ?? null,
      selection: args.selection ?? null,
      snapshot: args.snapshot ?? null,
      columns: args.columns,
      format: args.format,
      csv: { delimiter: args.csv?.delimiter ?? ',', bom: args.csv?.bom ?? false },
    };
    await prepareExport(context, info.schema, request);
    const stored = await new ExportStore(context.db).insert(context.viewer.sub, request);
    return { id: stored.id, url: `${EXPORTS_PATH}${stored.id}`, format: request.format, columns: request.columns, expiresAt: stored.expiresAt };
  }) as Resolve<ExportArgs>,

  importRecords: (async (_s, args, context) => {
    const content = await new UploadStore(context.db).content(args.upload, context.viewer.sub);
    return importRecords(context.db, callerImporter(context), content, args);
  }) as Resolve<ImportArgs>,
};
