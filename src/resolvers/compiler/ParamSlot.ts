import type { Viewer } from '../context';

/** What a slot's value is read from when a cached statement is bound to one request. */
export interface SlotSource {
  /** The operation's coerced variables. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly viewer: Pick<Viewer, 'sub' | 'teams' | 'areas'>;
}

/**
 * Stands for a request's value while a statement is compiled once for many requests
 * (`src/server/statementCache.ts`): the compiler places it as a `$n` parameter like any
 * value, and each request binds its own value there. Its value is unknown at compile time,
 * so any attempt to read it as text (a template literal, `String()`, `JSON.stringify`,
 * arithmetic) throws `SlotReadError`: a compiler branch that wrote a request's value into
 * the statement text cannot be cached by mistake, the compile fails and the caller compiles
 * with the real values instead.
 */
export class ParamSlot {
  constructor(
    /** For messages: `$id`, `viewer.sub`. */
    readonly label: string,
    readonly valueIn: (source: SlotSource) => unknown,
  ) {}

  toString(): never {
    throw new SlotReadError(this.label);
  }

  toJSON(): never {
    throw new SlotReadError(this.label);
  }

  [Symbol.toPrimitive](): never {
    throw new SlotReadError(this.label);
  }

  /** A variable's value (a root argument given as `$name`). */
  static variable(name: string): ParamSlot {
    return new ParamSlot(`$${name}`, (source) => source.variables[name]);
  }
}

/** The viewer's values a row scope places as parameters (rowFilter.ts): bound per request. */
export const VIEWER_SLOTS: SlotSource['viewer'] = {
  sub: new ParamSlot('viewer.sub', (source) => source.viewer.sub) as unknown as string,
  teams: new ParamSlot('viewer.teams', (source) => source.viewer.teams) as unknown as readonly string[],
  areas: new ParamSlot('viewer.areas', (source) => source.viewer.areas) as unknown as readonly string[],
};

/** A compile read a slot's value as if it were known: that statement cannot be shared. */
export class SlotReadError extends Error {
  constructor(label: string) {
    super(`${label} is bound per request and cannot be read while compiling`);
    this.name = 'SlotReadError';
  }
}
