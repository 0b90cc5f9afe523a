import { watch, type FSWatcher } from 'node:fs';
import type { Database } from '../entities/database';
import { latestVersion } from '../entities/definitionHistory';
import { isApplicable } from '../entities/MigrationPlan';
import { migrateStorage, prepareMigration } from '../entities/migrateStorage';
import { MigrationRefusedError } from '../errors';
import { checkDefinitions, readDefinitions } from '../metadata';
import { InvalidDefinitionsError } from '../metadata/MetadataError';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { LiveSchema, LiveState } from './liveSchema';

export interface ReloaderOptions {
  readonly dir: string;
  readonly db: Database;
  readonly live: LiveSchema;
  readonly makeState: (version: number, registry: MetadataRegistry) => Promise<LiveState>;
  readonly appliedBy: string;
  readonly log: (message: string) => void;
  /** Quiet time after the last change before reloading (rapid saves become one reload). */
  readonly debounceMs?: number;
}

export interface DefinitionReloader {
  /** Validates, plans and applies the files now; resolves when done (or refused and logged). */
  reloadFromFiles(): Promise<void>;
  /** Serves the latest applied version if it is newer than the live one (another instance applied it). */
  followDatabase(): Promise<void>;
  /** Stops watching; resolves once a reload under way has finished (it no longer swaps). */
  close(): Promise<void>;
}

/**
 * Hot reload (issue 4, rule 3): watches the definitions dir, and on a change validates the
 * files, migrates storage and swaps the live schema. A broken or refused change keeps the
 * last good schema serving and logs each problem as `file: path: reason`. Work is queued,
 * so a reload and a version announced by another instance never interleave.
 */
export function startDefinitionReloader(options: ReloaderOptions): DefinitionReloader {
  const { dir, db, live, makeState, log } = options;
  let queue: Promise<void> = Promise.resolve();
  let closed = false;
  const enqueue = (task: () => Promise<void>) => {
    const run = queue.then(task).catch((error: unknown) => log(`Definitions reload failed: ${error instanceof Error ? error.message : String(error)}`));
    queue = run;
    return run;
  };

  const serve = async (version: number, registry: MetadataRegistry) => {
    if (closed || version <= live.current().version) return;
    const state = await makeState(version, registry);
    if (closed) return void (await state.apollo.stop());
    await live.swap(state);
    log(`Serving definitions version ${version} (schema ${registry.version}, ${registry.entities.length} types)`);
  };

  const fromFiles = async () => {
    let sources;
    try {
      sources = await readDefinitions(dir);
    } catch (error) {
      if (!(error instanceof InvalidDefinitionsError)) throw error;
      return reportKept(error.problems.map(String));
    }
    const { registry, problems } = checkDefinitions(sources);
    if (!registry) return reportKept(problems.map(String));
    if (registry.version === live.current().registry.version) return;
    try {
      const apply = async () => {
        const { version } = await migrateStorage(db, registry, sources, options.appliedBy);
        await serve(version.version, version.registry);
      };
      const preview = await prepareMigration(db, registry);
      const inPlace = preview.retypes.length > 0 || preview.renamedTypes.size > 0 || preview.renamedFields.size > 0;
      await (inPlace && isApplicable(preview) ? live.exclusive(apply) : apply());
    } catch (error) {
      if (!(error instanceof MigrationRefusedError)) throw error;
      reportKept(error.refused.map((step) => `${locate(registry, step.target)}: ${step.reason}`));
    }
  };
  const reportKept = (lines: readonly string[]) => {
    log(`Definitions not applied, still serving version ${live.current().version}:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  };

  const fromDatabase = async () => {
    const latest = await latestVersion(db);
    if (latest) await serve(latest.version, latest.registry);
  };

  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void enqueue(fromFiles), options.debounceMs ?? 200);
    });
    watcher.on('error', (error) => log(`Cannot watch ${dir}: ${error.message}`));
  } catch (error) {
    log(`Cannot watch ${dir} (${(error as Error).message}); definitions reload only on restart`);
  }

  return {
    reloadFromFiles: () => enqueue(fromFiles),
    followDatabase: () => enqueue(fromDatabase),
    close: () => {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
      return queue;
    },
  };
}

/** `company.city` as `company.yaml: fields.city`, the way definition problems are reported. */
function locate(registry: MetadataRegistry, target: string): string {
  const [type, field] = target.split('.');
  const file = registry.find(type ?? '')?.file ?? type;
  return field ? `${file}: fields.${field}` : `${file}`;
}
