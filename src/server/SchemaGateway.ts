import type { GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { printSchema, type GraphQLSchema } from 'graphql';

/**
 * Apollo has no per-request schema; its gateway hook is the supported way to swap one
 * live. Requests in flight finish on the schema they started with (stack notes).
 */
export class SchemaGateway implements GatewayInterface {
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();

  constructor(private schema: GraphQLSchema) {}

  async load() {
    return { executor: null };
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback) {
    callback({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
    this.listeners.add(callback);
    return () => {
      this.listeners.delete(callback);
    };
  }

  async stop() {
    this.listeners.clear();
  }

  get current(): GraphQLSchema {
    return this.schema;
  }

  swap(schema: GraphQLSchema): void {
    this.schema = schema;
    const sdl = printSchema(schema);
    for (const listener of this.listeners) listener({ apiSchema: schema, coreSupergraphSdl: sdl });
  }
}
