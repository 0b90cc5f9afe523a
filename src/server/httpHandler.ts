import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';

export interface HttpRoutes<Session = never> {
  /**
   * Executes one GraphQL request (on the schema live when it starts, see `LiveSchema`);
   * `incoming` is there for the context (the token).
   */
  readonly graphql: (request: HTTPGraphQLRequest, incoming: IncomingMessage) => Promise<HTTPGraphQLResponse>;
  /** Plain JSON routes answered without a token (`/healthz`, `/readyz`). */
  readonly probes: Readonly<Record<string, () => Promise<{ status: number; body: unknown }>>>;
  readonly maxBodyBytes: number;
  /** Routes outside GraphQL that stream their own body (`POST /uploads`, `GET /exports/:id`). */
  readonly raw?: {
    readonly routes: readonly RawRoute<Session>[];
    /** Authenticates the caller on the model live at that moment. */
    readonly session: (request: IncomingMessage) => Promise<Session>;
  };
}

/** A route matched by method and path prefix; `session` authenticates the caller when called. */
export interface RawRoute<Session> {
  readonly method: string;
  readonly prefix: string;
  handle(request: IncomingMessage, response: ServerResponse, url: URL, session: () => Promise<Session>): Promise<void>;
}

/**
 * The HTTP edge on node:http through Apollo's integration API (executeHTTPGraphQLRequest).
 * Express, its router and body-parser took a quarter of the CPU of a request (issue 3
 * profile) and gave nothing this server needs.
 */
export function createHttpHandler<Session = never>(routes: HttpRoutes<Session>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const probe = routes.probes[url.pathname];
      if (probe && request.method === 'GET') {
        const { status, body } = await probe();
        return send(response, status, { 'content-type': 'application/json' }, JSON.stringify(body));
      }
      const raw = routes.raw?.routes.find((r) => r.method === request.method && url.pathname.startsWith(r.prefix));
      if (raw) return await raw.handle(request, response, url, () => routes.raw!.session(request));
      if (url.pathname !== '/graphql') return send(response, 404, { 'content-type': 'text/plain' }, 'Not found');
      const body = await readJsonBody(request, routes.maxBodyBytes);
      if (body.error) return send(response, body.error.status, { 'content-type': 'text/plain' }, body.error.message);
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const result = await routes.graphql(
        { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body: body.value },
        request,
      );
      await writeResult(response, result);
    } catch {
      if (!response.headersSent) send(response, 500, { 'content-type': 'text/plain' }, 'Internal server error');
      else response.end();
    }
  };
}

type BodyResult = { value?: unknown; error?: undefined } | { error: { status: number; message: string } };

/** The JSON body of a POST (GET and other content types pass undefined on to Apollo). */
async function readJsonBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  if (request.method !== 'POST') return {};
  const declared = Number(request.headers['content-length']);
  // A declared length frames the body (the HTTP parser delivers no more), so a body declared
  // within the limit is read without counting; others are counted and cut off past it.
  const chunks = declared <= limit ? await bodyChunks(request) : await chunksWithin(request, limit);
  if (!chunks) return { error: { status: 413, message: `Request body larger than ${limit} bytes` } };
  if (!/^application\/(.+\+)?json/i.test(request.headers['content-type'] ?? '')) return {};
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { error: { status: 400, message: 'The request body is not valid JSON' } };
  }
}

/** The whole body through 'data' events: the async iterator cost a few per cent of a small read's CPU (issue 3). */
function bodyChunks(request: IncomingMessage): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => resolve(chunks));
    request.once('error', reject);
  });
}

/** The body's chunks, or undefined as soon as they pass `limit` bytes (the rest is not read). */
async function chunksWithin(request: IncomingMessage, limit: number): Promise<Buffer[] | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return chunks;
}

async function writeResult(response: ServerResponse, result: HTTPGraphQLResponse): Promise<void> {
  response.statusCode = result.status ?? 200;
  for (const [name, value] of result.headers) response.setHeader(name, value);
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, headers).end(body);
}
