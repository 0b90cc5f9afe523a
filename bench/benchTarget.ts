import type { ChildServer } from './childServer';
import type { HttpWorkload } from './HttpWorkload';

export type TargetName = 'relata' | 'baseline';

/** How requests of a workload reach one server, and how its answers are read back. */
export interface BenchTarget {
  readonly name: TargetName;
  readonly server: ChildServer;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly headers: Readonly<Record<string, string>>;
  path(workload: HttpWorkload<any>): string;
  body(workload: HttpWorkload<any>, params: object): string;
  /** A parsed response body in the baseline's shape; throws on GraphQL errors. */
  answer(workload: HttpWorkload<any>, response: unknown): unknown;
}

/** Relata: `POST /graphql` with the workload's document and variables. */
export function relataTarget(server: ChildServer, token: string): BenchTarget {
  const url = new URL(server.url);
  return {
    name: 'relata',
    server,
    origin: url.origin,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    path: () => url.pathname,
    body: (workload, params) => JSON.stringify({ query: workload.query, variables: workload.variables(params) }),
    answer(workload, response) {
      const { data, errors } = response as { data?: unknown; errors?: unknown[] };
      if (errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(errors)}`);
      return workload.fromGraphQL(data);
    },
  };
}

/** The baseline: `POST /<workload>` with the parameters as JSON. */
export function baselineTarget(server: ChildServer, token: string): BenchTarget {
  return {
    name: 'baseline',
    server,
    origin: server.url,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    path: (workload) => `/${workload.name}`,
    body: (_workload, params) => JSON.stringify(params),
    answer: (_workload, response) => response,
  };
}
