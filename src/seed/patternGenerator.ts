import type { Random } from './random';

/**
 * Turns a definition's `pattern` into a generator of strings that match it, for the
 * common subset of regular expressions definitions use: literals, escapes (`\d \w \s`,
 * `\.`), classes (`[A-Z0-9_-]`, `[^...]`), `.`, groups with `|`, and the quantifiers
 * `? * + {n} {n,} {n,m}`; `^`/`$` at the ends. Anything else (look-arounds,
 * back-references, `\b`, Unicode properties) gives `undefined`. Callers still test the
 * result against the RegExp: the generator aims, the RegExp decides.
 */
export type StringGenerator = (random: Random) => string;

type Node =
  | { kind: 'chars'; chars: readonly string[] }
  | { kind: 'seq'; items: readonly Node[] }
  | { kind: 'alt'; options: readonly Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number };

/** How far past the lower bound `*`, `+` and `{n,}` may go. */
const OPEN_REPEAT_EXTRA = 3;
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const DIGITS = PRINTABLE.filter((c) => c >= '0' && c <= '9');
const WORD = PRINTABLE.filter((c) => /\w/.test(c));
const SPACE = [' '];
const ANY = PRINTABLE.filter((c) => /[A-Za-z0-9]/.test(c));

class UnsupportedPattern extends Error {}

export function patternGenerator(pattern: string): StringGenerator | undefined {
  let node: Node;
  try {
    node = new PatternParser(pattern).parse();
  } catch (error) {
    if (error instanceof UnsupportedPattern) return undefined;
    throw error;
  }
  return (random) => generate(node, random);
}

function generate(node: Node, random: Random): string {
  switch (node.kind) {
    case 'chars':
      return random.pick(node.chars);
    case 'seq':
      return node.items.map((item) => generate(item, random)).join('');
    case 'alt':
      return generate(random.pick(node.options), random);
    case 'repeat': {
      const times = random.int(node.min, node.max);
      let out = '';
      for (let i = 0; i < times; i++) out += generate(node.node, random);
      return out;
    }
  }
}

class PatternParser {
  private pos = 0;

  constructor(private readonly source: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.source.length) throw new UnsupportedPattern(`unexpected ${this.peek()}`);
    return node;
  }

  private peek(): string | undefined {
    return this.source[this.pos];
  }

  private take(): string {
    const c = this.source[this.pos++];
    if (c === undefined) throw new UnsupportedPattern('unexpected end');
    return c;
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      if (c === '^' || c === '$') {
        const atEdge = c === '^' ? items.length === 0 : this.isSequenceEnd(this.pos + 1);
        if (!atEdge) throw new UnsupportedPattern('anchor inside the pattern');
        this.pos++;
        continue;
      }
      items.push(this.quantified(this.atom()));
    }
    return { kind: 'seq', items };
  }

  private isSequenceEnd(at: number): boolean {
    const c = this.source[at];
    return c === undefined || c === '|' || c === ')';
  }

  private atom(): Node {
    const c = this.take();
    if (c === '(') {
      if (this.peek() === '?') {
        if (this.source.slice(this.pos, this.pos + 2) !== '?:') throw new UnsupportedPattern('look-around');
        this.pos += 2;
      }
      const inner = this.alternation();
      if (this.take() !== ')') throw new UnsupportedPattern('unclosed group');
      return inner;
    }
    if (c === '[') return { kind: 'chars', chars: this.charClass() };
    if (c === '\\') return { kind: 'chars', chars: this.escape() };
    if (c === '.') return { kind: 'chars', chars: ANY };
    if ('*+?{'.includes(c)) throw new UnsupportedPattern('quantifier without an atom');
    return { kind: 'chars', chars: [c] };
  }

  private escape(): readonly string[] {
    const c = this.take();
    switch (c) {
      case 'd':
        return DIGITS;
      case 'w':
        return WORD;
      case 's':
        return SPACE;
      case 'D':
        return PRINTABLE.filter((x) => !DIGITS.includes(x));
      case 'W':
        return PRINTABLE.filter((x) => !WORD.includes(x));
      case 'S':
        return ANY;
      case 't':
        return ['\t'];
      case 'n':
        return ['\n'];
      case 'u': {
        const hex = this.source.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new UnsupportedPattern('\\u escape');
        this.pos += 4;
        return [String.fromCharCode(parseInt(hex, 16))];
      }
      default:
        if (/[A-Za-z0-9]/.test(c)) throw new UnsupportedPattern(`\\${c}`);
        return [c];
    }
  }

  private charClass(): readonly string[] {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const set = new Set<string>();
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      const from = this.classAtom();
      if (this.peek() === '-' && this.source[this.pos + 1] !== ']' && from.length === 1) {
        this.pos++;
        const to = this.classAtom();
        if (to.length !== 1) throw new UnsupportedPattern('range to a class');
        const lo = (from[0] as string).charCodeAt(0);
        const hi = (to[0] as string).charCodeAt(0);
        if (hi < lo) throw new UnsupportedPattern('reversed range');
        for (let code = lo; code <= hi; code++) set.add(String.fromCharCode(code));
      } else {
        for (const ch of from) set.add(ch);
      }
    }
    this.pos++; // ]
    const chars = negated ? PRINTABLE.filter((c) => !set.has(c)) : [...set];
    if (chars.length === 0) throw new UnsupportedPattern('empty class');
    return chars;
  }

  private classAtom(): readonly string[] {
    const c = this.take();
    return c === '\\' ? this.escape() : [c];
  }

  private quantified(node: Node): Node {
    const c = this.peek();
    let bounds: [number, number] | undefined;
    if (c === '?') bounds = [0, 1];
    else if (c === '*') bounds = [0, OPEN_REPEAT_EXTRA];
    else if (c === '+') bounds = [1, 1 + OPEN_REPEAT_EXTRA];
    else if (c === '{') {
      const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      if (!match) return node; // a literal "{" as JavaScript allows it
      const min = Number(match[1]);
      const max = match[2] === undefined ? min : match[3] ? Number(match[3]) : min + OPEN_REPEAT_EXTRA;
      this.pos += match[0].length - 1;
      bounds = [min, max];
    }
    if (!bounds) return node;
    this.pos++;
    if (this.peek() === '?') this.pos++; // lazy: same strings
    return { kind: 'repeat', node, min: bounds[0], max: bounds[1] };
  }
}
