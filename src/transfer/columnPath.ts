import type { FieldError } from '../errors';

/** One step of a column path: a field name and, for fields that take them, arguments. */
export interface PathStep {
  readonly name: string;
  readonly args: Readonly<Record<string, string>>;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Parses a column path (contract section 7): steps separated by dots, each a field name with
 * optional arguments, e.g. `company.name` or `defaultAddress(kind: billing).city`. Argument
 * values are names or double-quoted strings. Returns the steps or the reason it is malformed.
 */
export function parseColumnPath(path: string, field: string): PathStep[] | FieldError {
  const steps: PathStep[] = [];
  let at = 0;
  const fail = (message: string): FieldError => ({ field, message: `${message} at character ${at + 1} of "${path}"` });
  const skipSpaces = () => {
    while (path[at] === ' ') at++;
  };
  const name = (): string | undefined => {
    NAME.lastIndex = at;
    const match = NAME.exec(path);
    if (!match) return undefined;
    at += match[0].length;
    return match[0];
  };
  for (;;) {
    const step = name();
    if (!step) return fail('expected a field name');
    const args: Record<string, string> = {};
    if (path[at] === '(') {
      at++;
      for (;;) {
        skipSpaces();
        const key = name();
        if (!key) return fail('expected an argument name');
        skipSpaces();
        if (path[at] !== ':') return fail('expected ":"');
        at++;
        skipSpaces();
        let value: string | undefined;
        if (path[at] === '"') {
          const end = path.indexOf('"', at + 1);
          if (end < 0) return fail('unterminated string');
          value = path.slice(at + 1, end);
          at = end + 1;
        } else value = name();
        if (value === undefined) return fail('expected an argument value');
        args[key] = value;
        skipSpaces();
        if (path[at] === ',') {
          at++;
          continue;
        }
        if (path[at] !== ')') return fail('expected "," or ")"');
        at++;
        break;
      }
    }
    steps.push({ name: step, args });
    if (at === path.length) return steps;
    if (path[at] !== '.') return fail('expected "."');
    at++;
  }
}
