import { isDeepStrictEqual } from 'node:util';
import { createRandom } from '../src/seed';
import type { BenchTarget } from './benchTarget';
import type { BenchData, HttpWorkload } from './HttpWorkload';

/** The outcome of comparing both servers' answers for one workload. */
export interface CheckReport {
  readonly workload: string;
  readonly requests: number;
  /** Records (objects) in the answers, summed over the requests: a check of empty answers proves little. */
  readonly records: number;
}

const CHECK_SEED = 3_000;

/**
 * Sends `requests` requests with identical parameters to both servers and compares the
 * answers after mapping the GraphQL shape to the baseline's (`fromGraphQL`) and normalising
 * generated ids and money (`comparable`). Throws, naming the first difference, when they differ.
 */
export async function checkSameAnswers(
  workload: HttpWorkload<any>,
  relata: BenchTarget,
  baseline: BenchTarget,
  data: BenchData,
  requests = 3,
): Promise<CheckReport> {
  let records = 0;
  for (let i = 0; i < requests; i++) {
    const [a, b] = [relata, baseline].map((target) => {
      const params = workload.nextParams({ random: createRandom(CHECK_SEED + i), sequence: i, tag: `check-${target.name}`, data });
      return { target, params };
    }) as [{ target: BenchTarget; params: object }, { target: BenchTarget; params: object }];
    const left = workload.comparable(await ask(workload, a.target, a.params), a.params);
    const right = workload.comparable(await ask(workload, b.target, b.params), b.params);
    if (!isDeepStrictEqual(left, right)) {
      const where = firstDifference(left, right, '') ?? '(root)';
      throw new Error(
        `${workload.name}: Relata and the baseline answer differently at ${where}\n` +
          `  params:   ${JSON.stringify(a.params)}\n  relata:   ${JSON.stringify(left).slice(0, 2000)}\n  baseline: ${JSON.stringify(right).slice(0, 2000)}`,
      );
    }
    // The answer's top-level wrapper ({ company }, { person }) is not a record.
    records += countRecords(isObject(left) ? Object.values(left) : left);
  }
  return { workload: workload.name, requests, records };
}

async function ask(workload: HttpWorkload<any>, target: BenchTarget, params: object): Promise<unknown> {
  const response = await fetch(target.origin + target.path(workload), {
    method: 'POST',
    headers: target.headers,
    body: target.body(workload, params),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${workload.name}: ${target.name} answered ${response.status}: ${text.slice(0, 500)}`);
  return target.answer(workload, JSON.parse(text));
}

/** The path of the first value that differs, e.g. `.companies[3].people[0].lastName`. */
function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path} (length ${a.length} vs ${b.length})`;
    for (let i = 0; i < a.length; i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference(a[key], b[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return path || undefined;
}

function countRecords(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countRecords(v), 0);
  if (!isObject(value)) return 0;
  return 1 + Object.values(value).reduce((n: number, v) => n + countRecords(v), 0);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
