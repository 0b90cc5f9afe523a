import type { Pool } from 'pg';
import type { Random } from '../src/seed';

/** Ids read from the seeded database that request parameters draw from. */
export interface BenchData {
  /** The first 1,000 company ids in id order (the point workload's pool). */
  readonly pointIds: readonly string[];
  /** Every company id (the write workload attaches persons to one of them). */
  readonly companyIds: readonly string[];
}

export interface ParamsInput {
  /** Seeded per round, so that both servers get the same sequence of parameters. */
  readonly random: Random;
  /** Position of the request within its run, from 0. */
  readonly sequence: number;
  /** Distinguishes runs (server, round) for values that must be unique, such as e-mail addresses. */
  readonly tag: string;
  readonly data: BenchData;
}

/** Something that answers SQL: the baseline's `pg.Pool`. */
export type SqlPool = Pick<Pool, 'query'>;

/**
 * One request type measured against both servers: the GraphQL document Relata gets, the
 * hand-written SQL the baseline runs for the same parameters, and how to compare the two
 * answers (the GraphQL `data` mapped to the baseline's response shape).
 */
export interface HttpWorkload<Params extends object = Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  /** The GraphQL document sent to Relata. */
  readonly query: string;
  nextParams(input: ParamsInput): Params;
  /** GraphQL variables for the parameters. */
  variables(params: Params): Record<string, unknown>;
  /** The baseline's answer: hand-written SQL through pg, shaped for JSON.stringify. */
  baseline(pool: SqlPool, params: Params): Promise<unknown>;
  /** The GraphQL `data` in the baseline's shape. */
  fromGraphQL(data: unknown): unknown;
  /** Applied to both answers before they are compared: generated ids, money formatting. */
  comparable(answer: unknown, params: Params): unknown;
}
