import type { FieldDefinition } from '../metadata/types';
import type { ValueContext } from './ValueContext';

/**
 * `date` fields as `YYYY-MM-DD`, `datetime` fields as ISO strings (UTC). Fixed ranges,
 * never today's date, so the same seed gives the same data on any day.
 */
export function dateValue(field: FieldDefinition, { random }: ValueContext): string {
  const [from, to] = suggestedYears(field.name);
  const day = random.int(Date.UTC(from, 0, 1) / DAY, Date.UTC(to, 11, 31) / DAY);
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function datetimeValue(field: FieldDefinition, { random }: ValueContext): string {
  const [from, to] = suggestedYears(field.name, [2023, 2026]);
  const second = random.int(Date.UTC(from, 0, 1) / 1000, Date.UTC(to, 5, 30) / 1000);
  return new Date(second * 1000).toISOString();
}

const DAY = 86_400_000;

function suggestedYears(name: string, fallback: readonly [number, number] = [2020, 2026]): readonly [number, number] {
  if (/birth/i.test(name)) return [1950, 2005];
  if (/founded|since|established/i.test(name)) return [1970, 2024];
  if (/due|until|expir|end/i.test(name)) return [2025, 2027];
  return fallback;
}
