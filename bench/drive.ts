import autocannon from 'autocannon';
import { createRandom } from '../src/seed';
import type { BenchTarget, TargetName } from './benchTarget';
import type { BenchData, HttpWorkload } from './HttpWorkload';
import { mean, median, percentiles, type Percentiles } from './statistics';

export interface DriveOptions {
  /** Concurrent connections (issue 3: 10). */
  readonly connections: number;
  /** Seconds per measured round. */
  readonly duration: number;
  readonly rounds: number;
  /** Seconds of unmeasured load per server before the first round (0: none). */
  readonly warmup: number;
  readonly data: BenchData;
  readonly log: (message: string) => void;
}

/** One autocannon run against one server. */
export interface RunStats {
  readonly target: TargetName;
  /** 0-based round, or -1 for the warm-up. */
  readonly round: number;
  readonly requests: number;
  readonly seconds: number;
  readonly requestsPerSecond: number;
  /** Exact percentiles of every response time of the run, in milliseconds. */
  readonly latencyMs: Percentiles;
  /** Connection errors, timeouts, non-2xx answers, 200 answers carrying GraphQL errors. */
  readonly failures: { readonly errors: number; readonly timeouts: number; readonly non2xx: number; readonly mismatches: number };
  readonly rssPeakBytes: number;
  /** Server process CPU time (user + system) per request, in microseconds (10 ms resolution per run). */
  readonly cpuMicrosPerRequest: number;
}

export interface TargetSummary {
  /** Mean over the rounds. */
  readonly requestsPerSecond: number;
  /** Medians over the rounds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMicrosPerRequest: number;
  /** Highest over the warm-up and the rounds. */
  readonly rssPeakBytes: number;
  readonly failures: number;
}

export interface WorkloadStats {
  readonly workload: string;
  readonly runs: readonly RunStats[];
  readonly relata: TargetSummary;
  readonly baseline: TargetSummary;
  /** Relata's requests per second divided by the baseline's. */
  readonly ratio: number;
}

/**
 * Drives both servers with the workload: a warm-up for each, then rounds in ABBA order
 * (Relata, baseline, baseline, Relata, ...) so that drift of the machine hits both alike.
 * Within a round both servers get the same parameter sequence (same PRNG seed).
 */
export async function driveWorkload(
  workload: HttpWorkload<any>,
  relata: BenchTarget,
  baseline: BenchTarget,
  options: DriveOptions,
): Promise<WorkloadStats> {
  const runs: RunStats[] = [];
  const seedOf = (round: number) => hash(workload.name) + 7919 * (round + 2);
  if (options.warmup > 0) {
    for (const target of [relata, baseline]) runs.push(await runOnce(workload, target, -1, seedOf(-1), options.warmup, options));
  }
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? [relata, baseline] : [baseline, relata];
    for (const target of order) {
      const run = await runOnce(workload, target, round, seedOf(round), options.duration, options);
      options.log(
        `  ${workload.name} round ${round + 1} ${target.name}: ${run.requestsPerSecond.toFixed(0)} req/s, ` +
          `p50 ${run.latencyMs.p50.toFixed(2)} ms, p99 ${run.latencyMs.p99.toFixed(2)} ms`,
      );
      runs.push(run);
    }
  }
  const summary = (name: TargetName) => summarise(runs.filter((r) => r.target === name));
  const r = summary('relata');
  const b = summary('baseline');
  return { workload: workload.name, runs, relata: r, baseline: b, ratio: b.requestsPerSecond > 0 ? r.requestsPerSecond / b.requestsPerSecond : 0 };
}

async function runOnce(
  workload: HttpWorkload<any>,
  target: BenchTarget,
  round: number,
  seed: number,
  duration: number,
  options: DriveOptions,
): Promise<RunStats> {
  const random = createRandom(seed);
  const tag = `${target.name}-${round < 0 ? 'warm' : round}`;
  let sequence = 0;
  const nextBody = () => target.body(workload, workload.nextParams({ random, sequence: sequence++, tag, data: options.data }));
  const latencies: number[] = [];
  let rssPeak = target.server.rssBytes();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, target.server.rssBytes())), 200);
  const cpuBefore = target.server.cpuMillis();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.origin,
        connections: options.connections,
        duration,
        requests: [
          {
            method: 'POST',
            path: target.path(workload),
            headers: target.headers,
            setupRequest: (request) => ({ ...request, body: nextBody() }),
          },
        ],
        // A GraphQL error comes with status 200: count it as a mismatch.
        verifyBody: (body) => typeof body !== 'string' || !body.includes('"errors":['),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, target.server.rssBytes());
  const cpu = target.server.cpuMillis() - cpuBefore;
  await new Promise((resolve) => setTimeout(resolve, 250));
  const requests = result.requests.total;
  return {
    target: target.name,
    round,
    requests,
    seconds: result.duration,
    requestsPerSecond: requests / result.duration,
    latencyMs: percentiles(latencies),
    failures: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, mismatches: result.mismatches },
    rssPeakBytes: rssPeak,
    cpuMicrosPerRequest: requests > 0 ? (cpu * 1000) / requests : 0,
  };
}

function summarise(runs: readonly RunStats[]): TargetSummary {
  const measured = runs.filter((r) => r.round >= 0);
  return {
    requestsPerSecond: mean(measured.map((r) => r.requestsPerSecond)),
    p50Ms: median(measured.map((r) => r.latencyMs.p50)),
    p99Ms: median(measured.map((r) => r.latencyMs.p99)),
    cpuMicrosPerRequest: median(measured.map((r) => r.cpuMicrosPerRequest)),
    rssPeakBytes: Math.max(0, ...runs.map((r) => r.rssPeakBytes)),
    failures: runs.reduce((n, r) => n + r.failures.errors + r.failures.timeouts + r.failures.non2xx + r.failures.mismatches, 0),
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}
