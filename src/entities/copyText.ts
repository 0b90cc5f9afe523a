/**
 * Rows in PostgreSQL's COPY text format: tab-separated, `\N` for null, backslash escapes,
 * one line per row. Values as bulk writes pass them as parameters: arrays become array
 * literals, booleans `t`/`f`, JSON already serialised as text.
 */
export function copyText(rows: readonly (readonly unknown[])[]): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyValue(row[i]);
    text += `${line}\n`;
  }
  return text;
}

function copyValue(value: unknown): string {
  if (value === undefined || value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return escape(arrayLiteral(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return escape(String(value));
}

/** `{"a","b \"c\""}`: every element quoted, so commas, braces and spaces need no thought. */
function arrayLiteral(values: readonly unknown[]): string {
  const elements = values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/["\\]/g, '\\$&')}"`));
  return `{${elements.join(',')}}`;
}

function escape(text: string): string {
  if (!needsEscape(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Backslash, tab, newline or carriage return: a loop over the codes, as most values hold none (cheaper than a regex per value). */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92 || code === 9 || code === 10 || code === 13) return true;
  }
  return false;
}
