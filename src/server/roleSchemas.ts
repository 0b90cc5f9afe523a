import type { IncomingMessage } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { AccessPolicy } from '../access/AccessPolicy';
import type { Config } from '../config';
import type { Database } from '../entities/database';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { RequestContext, Viewer } from '../resolvers/context';
import { TRAITS } from '../metadata/traits';
import { resolverFactory } from '../resolvers/resolverFactory';
import { buildSchema } from '../schema/buildSchema';
import { SchemaCache } from '../schema/schemaCache';
import type { ExecutionObserver } from './compiledQueryPlugin';
import { createApollo } from './createApollo';

/** The Apollo server (and so the schema) that answers one request, and its context. */
export interface GraphQLTarget {
  readonly apollo: ApolloServer<RequestContext>;
  /** Builds the per-request context; rejects (e.g. UNAUTHENTICATED) to refuse the request. */
  readonly context: () => Promise<RequestContext>;
}

/** Distinct role sets served at once; more are rebuilt on demand. */
const MAX_SCHEMAS = 64;

export interface RoleSchemas {
  /** The caller's schema of `model` and context; a bad token gets the empty schema and a context that refuses. */
  target(request: IncomingMessage, model: MetadataRegistry): Promise<GraphQLTarget>;
  stop(): Promise<void>;
}

/**
 * Serves each caller the schema of their roles (issue 5): one Apollo server per
 * (model version, role set), built from the registry alone and cached (SchemaCache).
 * The model is given per request, so a reloaded model simply makes new keys.
 */
export function createRoleSchemas(
  config: Config,
  db: Database,
  authenticate: (request: IncomingMessage) => Promise<Viewer>,
  observeExecution?: ExecutionObserver,
): RoleSchemas {
  const stopLater = (apollo: Promise<ApolloServer<RequestContext>>) => {
    // Requests already running on an evicted schema finish first.
    setTimeout(() => void apollo.then((a) => a.stop()).catch(() => undefined), 30_000).unref();
  };
  const cache = new SchemaCache<ApolloServer<RequestContext>>(MAX_SCHEMAS, stopLater);
  const apolloFor = (model: MetadataRegistry, access: AccessPolicy) =>
    cache.get(model, access, () => createApollo(buildSchema(model, resolverFactory, TRAITS, access), config, observeExecution));

  return {
    async target(request, model) {
      let viewer: Viewer;
      try {
        viewer = await authenticate(request);
      } catch (error) {
        return { apollo: await apolloFor(model, AccessPolicy.of(model, [])), context: () => Promise.reject(error) };
      }
      const access = AccessPolicy.of(model, viewer.roles);
      return { apollo: await apolloFor(model, access), context: async () => ({ viewer, db, registry: model, access }) };
    },
    async stop() {
      await Promise.all(cache.values().map((apollo) => apollo.then((a) => a.stop()).catch(() => undefined)));
    },
  };
}
