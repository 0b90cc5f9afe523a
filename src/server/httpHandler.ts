import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';

/** The Apollo server (and so the schema) that answers one request, and its context. */
export interface GraphQLTarget<Context extends BaseContext> {
  readonly apollo: ApolloServer<Context>;
  /** Builds the per-request context; rejects (e.g. UNAUTHENTICATED) to refuse the request. */
  readonly context: () => Promise<Context>;
}

export interface HttpRoutes<Context extends BaseContext> {
  /** Picks the schema for the caller: each role set has its own (issue 5). */
  readonly graphql: (request: IncomingMessage) => Promise<GraphQLTarget<Context>>;
  /** Plain JSON routes answered without a token (`/healthz`, `/readyz`). */
  readonly probes: Readonly<Record<string, () => Promise<{ status: number; body: unknown }>>>;
  readonly maxBodyBytes: number;
  /** Routes outside GraphQL that stream their own body (`POST /uploads`, `GET /exports/:id`). */
  readonly raw?: readonly RawRoute<Context>[];
}

/** A route matched by method and path prefix; `context` authenticates the caller when called. */
export interface RawRoute<Context> {
  readonly method: string;
  readonly prefix: string;
  handle(request: IncomingMessage, response: ServerResponse, url: URL, context: () => Promise<Context>): Promise<void>;
}

/**
 * The HTTP edge on node:http through Apollo's integration API (executeHTTPGraphQLRequest).
 * Express, its router and body-parser took a quarter of the CPU of a request (issue 3
 * profile) and gave nothing this server needs.
 */
export function createHttpHandler<Context extends BaseContext>(routes: HttpRoutes<Context>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const probe = routes.probes[url.pathname];
      if (probe && request.method === 'GET') {
        const { status, body } = await probe();
        return send(response, status, { 'content-type': 'application/json' }, JSON.stringify(body));
      }
      const raw = routes.raw?.find((r) => r.method === request.method && url.pathname.startsWith(r.prefix));
      if (raw) return await raw.handle(request, response, url, async () => (await routes.graphql(request)).context());
      if (url.pathname !== '/graphql') return send(response, 404, { 'content-type': 'text/plain' }, 'Not found');
      const body = await readJsonBody(request, routes.maxBodyBytes);
      if (body.error) return send(response, body.error.status, { 'content-type': 'text/plain' }, body.error.message);
      const target = await routes.graphql(request);
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const result = await target.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body: body.value },
        context: target.context,
      });
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
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return { error: { status: 413, message: `Request body larger than ${limit} bytes` } };
    chunks.push(chunk as Buffer);
  }
  if (!/^application\/(.+\+)?json/i.test(request.headers['content-type'] ?? '')) return {};
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { error: { status: 400, message: 'The request body is not valid JSON' } };
  }
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
