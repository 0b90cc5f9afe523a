import { fork } from 'node:child_process';
import { resolverFactory } from '../src/resolvers/resolverFactory';
import { TRAITS } from '../src/metadata/traits';
import { buildSchema } from '../src/schema/buildSchema';
import { benchEntry } from './childServer';
import { median } from './statistics';
import { generatedRegistry } from './generatedDefinitions';

export interface SchemaOptions {
  readonly types: number;
  readonly fieldsPerType: number;
  /** Builds timed; the first one is also reported on its own (a server start builds once). */
  readonly builds: number;
}

export interface SchemaReport extends SchemaOptions {
  /** Reading and validating the generated definitions into a registry (not part of the target). */
  readonly registryMs: number;
  readonly firstBuildMs: number;
  readonly medianBuildMs: number;
  readonly minBuildMs: number;
  readonly maxBuildMs: number;
  /** Heap retained by one built schema (after full GCs), or null without `--expose-gc`. */
  readonly heapDeltaBytes: number | null;
}

/** Times `buildSchema` (with `resolverFactory`) for a generated definition set, in this process. */
export function measureSchemaBuild(options: SchemaOptions): SchemaReport {
  const started = performance.now();
  const registry = generatedRegistry(options.types, options.fieldsPerType);
  const registryMs = performance.now() - started;
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => {
    gc?.();
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  const times: number[] = [];
  let kept: unknown;
  for (let i = 0; i < options.builds; i++) {
    const t0 = performance.now();
    const schema = buildSchema(registry, resolverFactory, TRAITS);
    times.push(performance.now() - t0);
    if (i === 0) kept = schema;
  }
  const after = heap();
  if (!kept) throw new Error('no schema was built');
  return {
    ...options,
    registryMs,
    firstBuildMs: times[0]!,
    medianBuildMs: median(times),
    minBuildMs: Math.min(...times),
    maxBuildMs: Math.max(...times),
    // Only the first schema is still referenced: the heap growth is what one schema keeps.
    heapDeltaBytes: gc ? after - before : null,
  };
}

/** Runs the measurement in a fresh Node process with `--expose-gc`, so the heap figure is its own. */
export function measureSchemaInChild(options: SchemaOptions, execArgv: readonly string[] = []): Promise<SchemaReport> {
  return new Promise((resolve, reject) => {
    const child = fork(benchEntry('schemaWorkload'), [JSON.stringify(options)], {
      execArgv: ['--expose-gc', ...execArgv],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let report: SchemaReport | undefined;
    child.on('message', (message: { report?: SchemaReport; error?: string }) => {
      if (message.error) reject(new Error(`schema workload failed: ${message.error}`));
      report = message.report;
    });
    child.on('exit', (code) => (report ? resolve(report) : reject(new Error(`schema workload exited with code ${code}`))));
  });
}

if (require.main === module) {
  try {
    const report = measureSchemaBuild(JSON.parse(process.argv[2] ?? '{}') as SchemaOptions);
    process.send?.({ report }, () => process.exit(0));
  } catch (error) {
    process.send?.({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
  }
}
