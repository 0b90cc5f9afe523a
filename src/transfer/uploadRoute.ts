import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { ApiError, BadUserInputError } from '../errors';
import type { RawRoute } from '../server/httpHandler';
import type { TransferSession } from './TransferSession';
import { sendError } from './sendError';
import { UploadStore } from './UploadStore';

export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

class PayloadTooLargeError extends ApiError {
  constructor() {
    super('BAD_USER_INPUT', `The file is larger than ${MAX_UPLOAD_BYTES} bytes`);
  }
}

/**
 * `POST /uploads` (contract section 7): the file as the raw body or as the first file of a
 * multipart form, from an authenticated caller; answers `201 { "upload": "<id>" }`.
 */
export function uploadRoute(log: (error: unknown) => void): RawRoute<TransferSession> {
  return {
    method: 'POST',
    prefix: '/uploads',
    async handle(request, response, url, session) {
      try {
        if (url.pathname !== '/uploads') throw new BadUserInputError([{ field: 'path', message: 'POST files to /uploads' }]);
        const ctx = (await session()).context;
        const isMultipart = /^multipart\/form-data/i.test(request.headers['content-type'] ?? '');
        const file = isMultipart ? await readMultipartFile(request) : { content: await readBody(request), name: undefined };
        if (file.content.length === 0) throw new BadUserInputError([{ field: 'file', message: 'is empty' }]);
        const id = await new UploadStore(ctx.db).insert(ctx.viewer.sub, file.name, file.content);
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ upload: id }));
      } catch (error) {
        request.resume();
        sendError(response, error, log);
      }
    },
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) throw new PayloadTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function readMultipartFile(request: IncomingMessage): Promise<{ content: Buffer; name: string | undefined }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    } catch {
      reject(new BadUserInputError([{ field: 'file', message: 'the multipart form is malformed' }]));
      return;
    }
    let found = false;
    parser.on('file', (_field, stream, info) => {
      found = true;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => reject(new PayloadTooLargeError()));
      stream.on('end', () => resolve({ content: Buffer.concat(chunks), name: info.filename }));
    });
    parser.on('error', () => reject(new BadUserInputError([{ field: 'file', message: 'the multipart form is malformed' }])));
    parser.on('close', () => {
      if (!found) reject(new BadUserInputError([{ field: 'file', message: 'the form holds no file' }]));
    });
    request.pipe(parser);
  });
}
