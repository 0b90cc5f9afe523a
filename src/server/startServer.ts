import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { Config } from '../config';
import type { Database } from '../entities/database';
import { installJournalCleanup } from '../entities/journalCleanup';
import { synchronizeStorage } from '../entities/synchronizeStorage';
import { loadDefinitions } from '../metadata';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { RequestContext } from '../resolvers/context';
import { resolverFactory } from '../resolvers/resolverFactory';
import { TRAITS } from '../metadata/traits';
import { buildSchema } from '../schema/buildSchema';
import { installSampleLists } from '../seed';
import { createTokenVerifier } from './auth';
import { compiledQueryPlugin, type ExecutionObserver } from './compiledQueryPlugin';
import { loadDemoDataOnce } from './demoData';
import { makeFormatError } from './formatError';
import { exportRoute } from '../transfer/exportRoute';
import { uploadRoute } from '../transfer/uploadRoute';
import { createHttpHandler } from './httpHandler';
import { openDatabase } from './openDatabase';
import { queryCostPlugin } from './queryCost';
import { DEFAULT_QUERY_LIMITS, queryLimitProtection } from './queryLimits';

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
    await installSampleLists(db, registry);
    await installJournalCleanup(db, registry);
    if (!config.databaseUrl && !options.db && config.demoData) {
      const inserted = await loadDemoDataOnce(db, registry);
      if (inserted) log(`Loaded demo data: ${Object.entries(inserted).map(([t, n]) => `${n} ${t}`).join(', ')}`);
    }
    const schema = buildSchema(registry, resolverFactory, TRAITS);
    const logError = (error: unknown) => console.error(error);
    const verifyToken = await createTokenVerifier(config.jwt, config.dataDir);
    const protection = queryLimitProtection(DEFAULT_QUERY_LIMITS, !config.development);
    const apollo = new ApolloServer<RequestContext>({
      schema,
      ...protection,
      plugins: [
        ...protection.plugins,
        queryCostPlugin(DEFAULT_QUERY_LIMITS.maxCost),
        compiledQueryPlugin(options.observeExecution),
        // No cache hints or federation traces here; both plugins would hook every field.
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        ...(config.development ? [] : [ApolloServerPluginLandingPageDisabled()]),
      ],
      validationRules: protection.validationRules,
      parseOptions: { maxTokens: DEFAULT_QUERY_LIMITS.maxTokens },
      introspection: true,
      includeStacktraceInErrorResponses: config.development,
      formatError: makeFormatError(config.development, logError),
      csrfPrevention: true,
    });
    await apollo.start();

    const handler = createHttpHandler<RequestContext>({
      apollo,
      maxBodyBytes: 1024 * 1024,
      context: async (request) => ({ viewer: await verifyToken(request.headers.authorization), db, registry }),
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
        await apollo.stop();
        if (!options.db) await db.close();
      },
    };
  } catch (error) {
    if (!options.db) await db.close();
    throw error;
  }
}
