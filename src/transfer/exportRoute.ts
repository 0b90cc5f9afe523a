import { NotFoundError } from '../errors';
import { rowFilterOf } from '../resolvers/compiler/rowFilter';
import type { RawRoute } from '../server/httpHandler';
import { ExportStore } from './ExportStore';
import { prepareExport } from './prepareExport';
import { readBatches } from './readBatches';
import { sendError } from './sendError';
import type { TransferSession } from './TransferSession';
import { CONTENT_TYPES, FILE_EXTENSIONS, writeExport } from './writeExport';

export const EXPORTS_PATH = '/exports/';

/**
 * `GET /exports/<id>` with the bearer token of whoever asked for the export (contract
 * section 7): reads the records in keyset batches and streams the file as it goes.
 */
export function exportRoute(log: (error: unknown) => void): RawRoute<TransferSession> {
  return {
    method: 'GET',
    prefix: EXPORTS_PATH,
    async handle(_request, response, url, session) {
      try {
        const { context: ctx, schema } = await session();
        const id = url.pathname.slice(EXPORTS_PATH.length);
        const request = await new ExportStore(ctx.db).get(id, ctx.viewer.sub);
        if (!request) throw new NotFoundError('Export', id);
        const prepared = await prepareExport(ctx, schema, request);
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[request.format],
          'content-disposition': `attachment; filename="${prepared.entity.name}.${FILE_EXTENSIONS[request.format]}"`,
          'cache-control': 'no-store',
        });
        // The scope of the caller streaming it (the subject who asked), as it is now.
        const batches = readBatches(ctx.db, prepared.entity, prepared.columns, prepared.condition, rowFilterOf(ctx, 'read'));
        await writeExport(response, request.format, prepared.columns, batches, request.csv);
      } catch (error) {
        sendError(response, error, log);
      }
    },
  };
}
