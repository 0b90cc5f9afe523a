import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { SqlPool } from './HttpWorkload';
import { HTTP_WORKLOADS } from './workloads';

/** Checks the `authorization` header; throws when the request may not pass. */
export type RequestAuthenticator = (authorization: string | undefined) => Promise<void>;

export interface BaselineServerOptions {
  readonly pool: SqlPool;
  /** Verify the same bearer token Relata gets (default in the benchmark), or let every request in. */
  readonly authenticate?: RequestAuthenticator;
}

const MAX_BODY_BYTES = 1 << 20;

/**
 * The hand-written comparison server: plain `node:http`, `POST /<workload>` with the
 * workload's parameters as JSON, the workload's SQL through `pg`, and `JSON.stringify` of
 * the rows (same HTTP and JSON path as Relata, without GraphQL).
 */
export function createBaselineServer({ pool, authenticate }: BaselineServerOptions): Server {
  const handlers = new Map(HTTP_WORKLOADS.map((w) => [`/${w.name}`, w]));
  return createServer((req, res) => {
    const workload = req.method === 'POST' ? handlers.get(req.url ?? '') : undefined;
    if (!workload) return send(res, 404, { error: 'not found' });
    readJson(req).then(
      async (params) => {
        try {
          await authenticate?.(req.headers.authorization);
        } catch {
          return send(res, 401, { error: 'unauthenticated' });
        }
        try {
          send(res, 200, await workload.baseline(pool, params as Record<string, unknown>));
        } catch (error) {
          send(res, 500, { error: error instanceof Error ? error.message : String(error) });
        }
      },
      (error: Error) => send(res, 400, { error: error.message }),
    );
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new Error('request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}
