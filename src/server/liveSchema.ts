import type { ApolloServer } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { RequestContext } from '../resolvers/context';

/**
 * One served model (issue 4, rule 3): the applied definitions version, its registry and the
 * started ApolloServer over its schema. A request captures one state for its whole life, so
 * it resolves against the registry its schema was built from. Issue 5 can hang per-role
 * servers off the state (cached by version and role set): nothing here assumes one schema.
 */
export interface LiveState {
  /** The number of the applied definitions version (`relata_definition_version`). */
  readonly version: number;
  readonly registry: MetadataRegistry;
  readonly schema: GraphQLSchema;
  readonly apollo: ApolloServer<RequestContext>;
}

/**
 * The state being served and its atomic replacement. Each request `use`s the state current
 * when it starts; a replaced state is stopped only after its last request has finished.
 * One ApolloServer per state rather than Apollo's `gateway` swap: the gateway holds one
 * schema per server, while a state may later need several (per role), and counting
 * requests per state makes "finish on the schema you started with" explicit.
 */
export class LiveSchema {
  private state: LiveState;
  private readonly inFlight = new Map<LiveState, number>();
  private readonly retiring = new Set<LiveState>();

  constructor(initial: LiveState) {
    this.state = initial;
  }

  current(): LiveState {
    return this.state;
  }

  async use<T>(work: (state: LiveState) => Promise<T>): Promise<T> {
    const state = this.state;
    this.inFlight.set(state, (this.inFlight.get(state) ?? 0) + 1);
    try {
      return await work(state);
    } finally {
      const left = (this.inFlight.get(state) ?? 1) - 1;
      if (left > 0) this.inFlight.set(state, left);
      else {
        this.inFlight.delete(state);
        if (this.retiring.delete(state)) await state.apollo.stop();
      }
    }
  }

  /** Serves `next` to every request that starts from now on. */
  async swap(next: LiveState): Promise<void> {
    const previous = this.state;
    if (previous === next) return;
    this.state = next;
    if (previous.apollo === next.apollo) return;
    if (this.inFlight.has(previous)) this.retiring.add(previous);
    else await previous.apollo.stop();
  }

  async close(): Promise<void> {
    const states = new Set([this.state, ...this.retiring]);
    this.retiring.clear();
    await Promise.all([...states].map((s) => s.apollo.stop()));
  }
}
