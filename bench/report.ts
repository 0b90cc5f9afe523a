import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BenchResult } from './BenchResult';
import { mb, TARGETS } from './targets';

/**
 * The run as Markdown: a header line, one table (workload, requests/s of Relata and the
 * baseline, ratio, p50/p99, server RSS, server CPU per request, target), and the verdicts.
 * Schema and load rows carry their own units.
 */
export function formatReport(result: BenchResult): string {
  const { machine, database, seed, options } = result;
  const lines: string[] = [];
  lines.push(
    `Relata benchmark ${result.startedAt}: ${database.kind} ${database.serverVersion}, scale ${String(options.scale)}, ` +
      `${String(options.duration)} s x ${String(options.rounds)} rounds, ${String(options.connections)} connections; ` +
      `${machine.cpus} x ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, load average ${machine.loadAverage.start} -> ${machine.loadAverage.end}`,
  );
  if (seed) {
    const rows = Object.entries(seed.rows).map(([t, n]) => `${n} ${t}`).join(', ');
    const shape = Object.entries(seed.shape).map(([k, v]) => `${k} ${(v * 100).toFixed(0)}%`).join(', ');
    lines.push(`seed (bulk path, seedDatabase): ${rows} in ${seed.seconds.toFixed(1)} s (${seed.rowsPerSecond.toFixed(0)} rows/s); companies: ${shape}`);
  }
  lines.push('');
  const header = ['workload', 'Relata req/s', 'baseline req/s', 'ratio', 'Relata p50 / p99 ms', 'baseline p50 / p99 ms', 'RSS MB Relata / baseline', 'CPU µs/req Relata / baseline', 'target'];
  const rows: string[][] = [];
  for (const w of result.workloads) {
    const minRatio = TARGETS.minRatio[w.workload];
    rows.push([
      w.workload,
      w.relata.requestsPerSecond.toFixed(0),
      w.baseline.requestsPerSecond.toFixed(0),
      `${w.ratio.toFixed(2)}x`,
      `${w.relata.p50Ms.toFixed(2)} / ${w.relata.p99Ms.toFixed(2)}`,
      `${w.baseline.p50Ms.toFixed(2)} / ${w.baseline.p99Ms.toFixed(2)}`,
      `${mb(w.relata.rssPeakBytes)} / ${mb(w.baseline.rssPeakBytes)}`,
      `${w.relata.cpuMicrosPerRequest.toFixed(0)} / ${w.baseline.cpuMicrosPerRequest.toFixed(0)}`,
      `${minRatio === undefined ? '' : `>= ${minRatio}x, `}p99 < ${TARGETS.maxP99Ms}`,
    ]);
  }
  if (result.schema) {
    const s = result.schema;
    rows.push([
      `schema (${s.types} types x ${s.fieldsPerType} fields)`,
      `build ${s.medianBuildMs.toFixed(0)} ms (median of ${s.builds}; first ${s.firstBuildMs.toFixed(0)} ms)`,
      '',
      '',
      '',
      '',
      s.heapDeltaBytes === null ? 'heap n/a' : `heap +${mb(s.heapDeltaBytes)} MB`,
      '',
      `< ${TARGETS.maxSchemaBuildMs} ms`,
    ]);
  }
  if (result.load) {
    const l = result.load;
    rows.push([
      `load (${l.persons} persons)`,
      `bulk path ${l.bulkSeconds.toFixed(2)} s`,
      `COPY ${l.copySeconds.toFixed(2)} s`,
      `${l.ratio.toFixed(2)}x time`,
      '',
      '',
      '',
      '',
      `<= ${TARGETS.maxLoadRatio}x COPY`,
    ]);
  }
  if (result.import) {
    const i = result.import;
    rows.push([`import (${i.rows} CSV rows)`, `importRecords ${i.importSeconds.toFixed(2)} s`, `COPY ${i.copySeconds.toFixed(2)} s`, `${i.ratio.toFixed(2)}x time`, '', '', '', '', 'close to COPY (issue 7)']);
    rows.push([`import vs COPY with audit entries`, `importRecords ${i.importSeconds.toFixed(2)} s`, `COPY + audit ${i.copyWithAuditSeconds.toFixed(2)} s`, `${i.ratioWithAudit.toFixed(2)}x time`, '', '', '', '', '']);
  }
  lines.push(...markdownTable(header, rows));
  if (result.targets.length > 0) {
    lines.push('');
    const missed = result.targets.filter((t) => !t.met);
    lines.push(`targets: ${result.targets.length - missed.length} of ${result.targets.length} met`);
    for (const t of missed) lines.push(`  missed: ${t.workload}: ${t.target} (measured ${t.measured})`);
  }
  if (result.checks.length > 0) {
    lines.push('');
    lines.push(`same answers from both servers: ${result.checks.map((c) => `${c.workload} (${c.requests} requests, ${c.records} records)`).join(', ')}`);
  }
  for (const failure of result.failures) lines.push(`FAILED: ${failure}`);
  return lines.join('\n');
}

export function writeResultFile(path: string, result: BenchResult): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
}
