import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import type { Database } from '../entities/database';
import { synchronizeStorage } from '../entities/synchronizeStorage';
import { loadDefinitions } from '../metadata';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { RequestContext } from '../resolvers/context';
import { createTokenVerifier } from './auth';
import { createAuthenticator } from './authenticate';
import type { ExecutionObserver } from './compiledQueryPlugin';
import { loadDemoDataOnce } from './demoData';
import { createHttpHandler } from './httpHandler';
import { resolverFactory } from '../resolvers/resolverFactory';
import { buildSchema } from '../schema/buildSchema';
import { exportRoute } from '../transfer/exportRoute';
import { uploadRoute } from '../transfer/uploadRoute';
import { openDatabase } from './openDatabase';
import { createRoleSchemas } from './roleSchemas';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly db: Database;
  readonly registry: () => MetadataRegistry;
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
 * Loads and validates the definitions, brings storage up to date, builds the schema and
 * serves `/graphql`, `/healthz` and `/readyz` (contract section 1).
 */
export async function startServer(config: Config, options: ServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.log(message));
  const registry = await loadDefinitions(config.metadataDir);
  const db = options.db ?? (await openDatabase(config));
  try {
    await synchronizeStorage(db, registry);
    if (!config.databaseUrl && !options.db && config.demoData) {
      const inserted = await loadDemoDataOnce(db, registry);
      if (inserted) log(`Loaded demo data: ${Object.entries(inserted).map(([t, n]) => `${n} ${t}`).join(', ')}`);
    }
    // The whole model as one schema once, so a model that cannot become one fails at start.
    const schema = buildSchema(registry, resolverFactory);
    const logError = (error: unknown) => console.error(error);
    const verifyToken = await createTokenVerifier(config.jwt, config.dataDir);
    const authenticate = createAuthenticator(verifyToken, db);
    const schemas = createRoleSchemas(config, db, (request) => authenticate(request.headers.authorization), options.observeExecution);

    const handler = createHttpHandler<RequestContext>({
      graphql: (request) => schemas.target(request, registry),
      maxBodyBytes: 1024 * 1024,
      raw: [uploadRoute(logError), exportRoute(schema, logError)],
      probes: {
        '/healthz': async () => ({ status: 200, body: { status: 'ok', schemaVersion: registry.version } }),
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
    log(`Relata serves ${url} (${db.kind}, ${registry.entities.length} types, schema ${registry.version})`);
    return {
      url,
      port,
      db,
      registry: () => registry,
      close: async () => {
        await new Promise<void>((resolve) => http.close(() => resolve()));
        http.closeAllConnections();
        await schemas.stop();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    if (!options.db) await db.close();
    throw error;
  }
}
