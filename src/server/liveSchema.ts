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
  private readonly stopping = new Set<Promise<void>>();
  private running = 0;
  private gate: Promise<void> | undefined;
  private onIdle: (() => void) | undefined;

  constructor(initial: LiveState) {
    this.state = initial;
  }

  current(): LiveState {
    return this.state;
  }

  async use<T>(work: (state: LiveState) => Promise<T>): Promise<T> {
    while (this.gate) await this.gate;
    const state = this.state;
    this.inFlight.set(state, (this.inFlight.get(state) ?? 0) + 1);
    this.running += 1;
    try {
      return await work(state);
    } finally {
      this.running -= 1;
      if (this.running === 0) this.onIdle?.();
      const left = (this.inFlight.get(state) ?? 1) - 1;
      if (left > 0) this.inFlight.set(state, left);
      else {
        this.inFlight.delete(state);
        // Not awaited: the last request of an old state should not wait for its server to stop.
        if (this.retiring.delete(state)) this.stopping.add(state.apollo.stop());
      }
    }
  }

  /**
   * Runs `work` (a migration that renames or retypes storage, then its swap) while no request
   * runs: new requests wait, those in flight finish first. Otherwise a request still on the
   * old schema could reach a column the migration has just renamed.
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.gate) await this.gate;
    let open!: () => void;
    this.gate = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.onIdle = resolve));
      return await work();
    } finally {
      this.onIdle = undefined;
      this.gate = undefined;
      open();
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
    await Promise.all([...[...states].map((s) => s.apollo.stop()), ...this.stopping]);
  }
}
