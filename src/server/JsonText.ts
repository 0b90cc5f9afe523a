/**
 * A root field's answer as the JSON text PostgreSQL built, written into the response body as
 * it is (`stringifyResult`) instead of being parsed by pg and serialised again by Apollo:
 * for a list of 50 records that pair cost more than a third of the request's CPU (issue 3).
 */
export class JsonText {
  private constructor(readonly text: string) {}

  /**
   * From PostgreSQL's `json` output, which puts spaces after `:` and `,`: without them the
   * text is byte for byte what `JSON.stringify(JSON.parse(text))` writes, as long as the JSON
   * holds no embedded JSON values (their numbers and escapes are the user's, so the
   * `JSON` scalar stays on the parsed path; see `compiledPlan`).
   */
  static fromPostgres(text: string): JsonText {
    return new JsonText(withoutWhitespace(text));
  }

  /** The value, for anything that serialises a result other than by `stringifyResult`. */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

const QUOTE = 34;
const BACKSLASH = 92;

/** `text` without whitespace outside strings; strings are skipped with indexOf, so few characters are visited. */
function withoutWhitespace(text: string): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = closingQuote(text, i);
    } else if (c === 32 || c === 10 || c === 13 || c === 9) {
      if (i > start) out += text.slice(start, i);
      start = i + 1;
    }
  }
  return start === 0 ? text : out + text.slice(start);
}

/** The index of the quote that ends the string opened at `open` (one not escaped by an odd run of backslashes). */
function closingQuote(text: string, open: number): number {
  for (let from = open + 1; ; ) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}
