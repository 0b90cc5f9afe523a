import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import type { Database } from '../entities/database';
import { listenForVersions, type VersionListener } from '../entities/listenForVersions';
import { migrateStorage } from '../entities/migrateStorage';
import { loadDefinitionSet } from '../metadata';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { RequestContext } from '../resolvers/context';
import { installTraitData } from './installTraitData';
import { appliedBy } from './appliedBy';
import { AccessPolicy } from '../access/AccessPolicy';
import { createTokenVerifier } from './auth';
import { createAuthenticator } from './authenticate';
import { createRoleSchemas } from './roleSchemas';
import type { ExecutionObserver } from './compiledQueryPlugin';
import { loadDemoDataOnce } from './demoData';
import { exportRoute } from '../transfer/exportRoute';
import { uploadRoute } from '../transfer/uploadRoute';
import { startDefinitionReloader, type DefinitionReloader } from './definitionReloader';
import { executeOnLiveSchema } from './executeOnLiveSchema';
import { createHttpHandler } from './httpHandler';
import { LiveSchema, type LiveState } from './liveSchema';
import { liveStateFactory } from './liveStateFactory';
import { openDatabase } from './openDatabase';
import { refuseOlderDefinitions } from './refuseOlderDefinitions';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly db: Database;
  /** The model served now (it changes on reload). */
  readonly registry: () => MetadataRegistry;
  readonly live: LiveSchema;
  readonly reloader: DefinitionReloader;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Use this database instead of opening one from the config (tests). */
  readonly db?: Database;
  readonly log?: (message: string) => void;
  /** Told whether each operation was answered from compiled SQL alone or by graphql-js execution. */
  readonly observeExecution?: ExecutionObserver;
}

/**
 * Loads and validates the definitions, migrates storage to them (refusing files older than
 * the applied version), serves `/graphql`, `/healthz` and `/readyz` (contract section 1), and
 * keeps serving the latest applied version: file changes are reloaded, and versions applied
 * by other instances on the same PostgreSQL are picked up through LISTEN/NOTIFY (issue 4).
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.log(message));
  const { registry, sources } = await loadDefinitionSet(config.metadataDir);
  const db = options.db ?? (await openDatabase(config));
  let listener: VersionListener | undefined;
  let reloader: DefinitionReloader | undefined;
  let live: LiveSchema | undefined;
  try {
    await refuseOlderDefinitions(db, registry, sources, config.metadataDir);
    const { version } = await migrateStorage(db, registry, sources, appliedBy('serve'));
    await installTraitData(db, version.registry);
    if (!config.databaseUrl && !options.db && config.demoData) {
      const inserted = await loadDemoDataOnce(db, version.registry);
      if (inserted) log(`Loaded demo data: ${Object.entries(inserted).map(([t, n]) => `${n} ${t}`).join(', ')}`);
    }
    const verifyToken = await createTokenVerifier(config.jwt, config.dataDir);
    const authenticate = createAuthenticator(verifyToken, db);
    // Each caller gets the schema of their roles on the live model (issue 5).
    const schemas = createRoleSchemas(config, db, (request) => authenticate(request.headers.authorization), options.observeExecution);
    const contextFor = async (state: LiveState, request: IncomingMessage): Promise<RequestContext> => {
      const viewer = await authenticate(request.headers.authorization);
      return { viewer, db, registry: state.registry, access: AccessPolicy.of(state.registry, viewer.roles) };
    };
    const logError = (error: unknown) => console.error(error);
    const makeState = liveStateFactory(config, options.observeExecution);
    const served = new LiveSchema(await makeState(version.version, version.registry));
    live = served;
    reloader = startDefinitionReloader({ dir: config.metadataDir, db, live: served, makeState, appliedBy: appliedBy('serve, reload'), log });
    const follow = reloader.followDatabase;
    if (config.databaseUrl) listener = await listenForVersions(config.databaseUrl, () => void follow(), () => void follow(), log);

    const handler = createHttpHandler({
      maxBodyBytes: 1024 * 1024,
      graphql: executeOnLiveSchema(served, reloader, (state, request) => schemas.target(request, state.registry)),
      raw: {
        routes: [uploadRoute(logError), exportRoute(logError)],
        session: async (request) => {
          const state = served.current();
          return { context: await contextFor(state, request), schema: state.schema };
        },
      },
      probes: {
        '/healthz': async () => {
          const state = served.current();
          return { status: 200, body: { status: 'ok', schemaVersion: state.registry.version, definitionsVersion: state.version } };
        },
        '/readyz': async () => {
          const ready = await db.ping();
          return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'database unavailable' } };
        },
      },
    });

    const http: Server = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.port, config.host, resolve);
    });
    const port = (http.address() as AddressInfo).port;
    const url = `http://${config.host}:${port}/graphql`;
    log(`Relata serves ${url} (${db.kind}, ${version.registry.entities.length} types, definitions version ${version.version}, schema ${version.registry.version})`);
    const stopReloading = reloader;
    return {
      url,
      port,
      db,
      registry: () => served.current().registry,
      live: served,
      reloader: stopReloading,
      close: async () => {
        await stopReloading.close();
        await listener?.close();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeAllConnections();
        await served.close();
        await schemas.stop();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    await reloader?.close();
    await listener?.close();
    await live?.close();
    if (!options.db) await db.close();
    throw error;
  }
}
