/**
 * A money amount as one canonical string, so that PostgreSQL's `numeric(19,4)` text
 * (`"1234.5000"`) and Relata's Money scalar (`"1234.50"`) compare equal: at least two
 * decimals, no trailing zeros beyond them. `null` stays `null`.
 */
export function canonicalMoney(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${fraction.replace(/0+$/, '').padEnd(2, '0')}`;
}
