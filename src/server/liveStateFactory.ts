import type { GraphQLSchema } from 'graphql';
import type { Config } from '../config';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { resolverFactory } from '../resolvers/resolverFactory';
import { TRAITS } from '../metadata/traits';
import { buildSchema } from '../schema/buildSchema';
import type { ExecutionObserver } from './compiledQueryPlugin';
import { createApollo } from './createApollo';
import type { LiveState } from './liveSchema';

/** How many built schemas are kept, by model hash (reverting to a recent model is free). */
const CACHED_SCHEMAS = 4;

/**
 * Makes the state served for an applied version. The schema is a pure function of the model,
 * so it is built once per model hash (issue 4, rule 5) and reused, e.g. when several
 * versions share a model or another instance announces the version this one just built.
 */
export function liveStateFactory(
  config: Config,
  observeExecution?: ExecutionObserver,
): (version: number, registry: MetadataRegistry) => Promise<LiveState> {
  const schemas = new Map<string, GraphQLSchema>();
  const schemaOf = (registry: MetadataRegistry): GraphQLSchema => {
    let schema = schemas.get(registry.version);
    if (schema) {
      schemas.delete(registry.version);
    } else {
      schema = buildSchema(registry, resolverFactory, TRAITS);
      if (schemas.size >= CACHED_SCHEMAS) schemas.delete(schemas.keys().next().value!);
    }
    schemas.set(registry.version, schema);
    return schema;
  };
  return async (version, registry) => {
    const schema = schemaOf(registry);
    return { version, registry, schema, apollo: await createApollo(schema, config, observeExecution) };
  };
}
