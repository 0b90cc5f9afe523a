import type { TargetVerdict } from './BenchResult';
import type { WorkloadStats } from './drive';
import type { LoadReport } from './loadWorkload';
import type { SchemaReport } from './schemaWorkload';

/** Issue 3, item 3: the targets on PostgreSQL at scale 1. */
export const TARGETS = {
  minRatio: { point: 0.7, list: 0.7, segment: 0.7, write: 0.5 } as Readonly<Record<string, number>>,
  maxP99Ms: 50,
  maxSchemaBuildMs: 500,
  maxLoadRatio: 2,
  maxRssBytes: 250 * 1024 * 1024,
} as const;

/** The verdict on every target this run measured. */
export function evaluateTargets(workloads: readonly WorkloadStats[], schema?: SchemaReport, load?: LoadReport): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  for (const w of workloads) {
    const minRatio = TARGETS.minRatio[w.workload];
    if (minRatio !== undefined) {
      verdicts.push({ workload: w.workload, target: `throughput >= ${minRatio}x baseline`, measured: `${w.ratio.toFixed(2)}x`, met: w.ratio >= minRatio });
    }
    verdicts.push({
      workload: w.workload,
      target: `p99 < ${TARGETS.maxP99Ms} ms`,
      measured: `${w.relata.p99Ms.toFixed(1)} ms`,
      met: w.relata.p99Ms < TARGETS.maxP99Ms,
    });
  }
  if (workloads.length > 0) {
    const rss = Math.max(...workloads.map((w) => w.relata.rssPeakBytes));
    verdicts.push({ workload: 'all', target: 'Relata RSS < 250 MB', measured: `${mb(rss)} MB`, met: rss < TARGETS.maxRssBytes });
  }
  if (schema) {
    verdicts.push({
      workload: 'schema',
      target: `build < ${TARGETS.maxSchemaBuildMs} ms`,
      measured: `${schema.medianBuildMs.toFixed(0)} ms`,
      met: schema.medianBuildMs < TARGETS.maxSchemaBuildMs,
    });
  }
  if (load) {
    verdicts.push({ workload: 'load', target: `bulk path <= ${TARGETS.maxLoadRatio}x COPY`, measured: `${load.ratio.toFixed(2)}x`, met: load.ratio <= TARGETS.maxLoadRatio });
  }
  return verdicts;
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
