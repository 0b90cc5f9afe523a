import type { FieldDefinition } from '../metadata/types';
import { unneutralised } from './csvCell';

/** A cell read for a field: the value as the API would take it, or why it cannot be. */
export type CellResult = { readonly value: unknown } | { readonly error: string };

const TRUE = new Set(['true', 'yes', 'y', '1', 'ja', 'j', 'wahr', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', 'nein', 'falsch']);

/**
 * Converts cell text to the value of `field` as a GraphQL input would carry it, so that
 * `validateInput` then applies exactly the API's rules. Accepts what German Excel writes
 * too: decimal commas (`1.234,56`), `31.12.2025`, `ja`/`nein`. An empty cell is "not
 * given" (undefined): import never clears a stored value.
 */
export function cellValue(field: FieldDefinition, raw: string): CellResult | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (field.type) {
    case 'string':
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    case 'choice':
      return { value: unneutralised(field.type === 'text' ? raw : text) };
    case 'multiChoice':
      return { value: splitList(unneutralised(text)) };
    case 'integer':
      return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? { value: Number(text) } : { error: 'is not a whole number' };
    case 'decimal':
    case 'money': {
      const number = decimalText(text);
      return number === undefined ? { error: 'is not a number' } : { value: number };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { value: true };
      if (FALSE.has(lower)) return { value: false };
      return { error: 'is not true or false (also yes/no, ja/nein, 1/0)' };
    }
    case 'date': {
      const date = isoDate(text);
      return date === undefined ? { error: 'is not a date (2025-12-31 or 31.12.2025)' } : { value: date };
    }
    case 'datetime': {
      const time = Date.parse(text);
      return Number.isNaN(time) ? { error: 'is not a date and time (ISO 8601)' } : { value: new Date(time).toISOString() };
    }
    case 'json':
      try {
        return { value: JSON.parse(unneutralised(text)) };
      } catch {
        return { error: 'is not valid JSON' };
      }
    // Ids in any case (a uuid's hex digits are case-insensitive), as stored: lower case.
    case 'reference':
      return { value: text.toLowerCase() };
    case 'references':
      return { value: splitList(text.toLowerCase()) };
  }
}

function splitList(text: string): string[] {
  return text
    .split(/[,|]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** `1234.5`, `1234,5`, `1.234,56` and `1 234,56` to `1234.56`-style text; a comma is the decimal sign when present. */
function decimalText(text: string): string | undefined {
  let value = text.replace(/[\s\u00a0]/g, '');
  if (value.includes(',')) {
    if (!/^[+-]?\d{1,3}(\.\d{3})*(,\d+)?$/.test(value) && !/^[+-]?\d+(,\d+)?$/.test(value)) return undefined;
    value = value.replace(/\./g, '').replace(',', '.');
  }
  return /^[+-]?\d+(\.\d+)?$/.test(value) ? value.replace(/^\+/, '') : undefined;
}

function isoDate(text: string): string | undefined {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year) return undefined;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().slice(0, 10);
}
