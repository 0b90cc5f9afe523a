import type { FieldDefinition } from '../metadata/types';
import type { ValueContext } from './ValueContext';

/**
 * Values for `integer`, `decimal` and `money` fields: a range suggested by the field's
 * name (`licences` 0..20, `revenueLastYear` 0..2,000,000 with about a third at or above
 * 100,000), narrowed to the definition's `min`/`max`. `decimal` and `money` come back as
 * strings with two decimals, as PostgreSQL `numeric` does.
 */
export function integerValue(field: FieldDefinition, { random }: ValueContext): number {
  const [suggestedLo, suggestedHi] = suggestedIntegerRange(field.name);
  // A unique number (`customerNumber`) needs room for many records.
  const suggested: Range = field.unique ? [suggestedLo, Math.max(suggestedHi, suggestedLo + UNIQUE_SPAN)] : [suggestedLo, suggestedHi];
  const [lo, hi] = within(field, suggested, 1);
  return random.int(lo, hi);
}

export function decimalValue(field: FieldDefinition, ctx: ValueContext): string {
  const isMoney = field.type === 'money';
  if (isMoney && /revenue|turnover|sales/i.test(field.name)) {
    // Benchmarks select companies with revenue >= 100,000: give about a third of them that.
    const band: Range = ctx.random.chance(1 / 3) ? [100_000, 2_000_000] : [0, 99_999.99];
    return cents(within(field, band, 0.01), ctx);
  }
  return cents(within(field, isMoney ? suggestedMoneyRange(field.name) : suggestedDecimalRange(field.name), 0.01), ctx);
}

type Range = readonly [number, number];

const UNIQUE_SPAN = 1_000_000;

function cents([lo, hi]: Range, { random }: ValueContext): string {
  const value = random.int(Math.ceil(lo * 100), Math.floor(hi * 100));
  return (value / 100).toFixed(2);
}

/** The suggested range cut to [min, max]; the definition's range alone when they do not overlap. */
function within(field: FieldDefinition, [lo, hi]: Range, step: number): Range {
  const min = field.min ?? -Infinity;
  const max = field.max ?? Infinity;
  const cutLo = Math.max(lo, min);
  const cutHi = Math.min(hi, max);
  if (cutLo <= cutHi) return snap([cutLo, cutHi], step);
  if (Number.isFinite(min) && Number.isFinite(max)) return snap([min, max], step);
  return Number.isFinite(min) ? snap([min, min + (hi - lo)], step) : snap([max - (hi - lo), max], step);
}

function snap([lo, hi]: Range, step: number): Range {
  const a = Math.ceil(lo / step - 1e-9) * step;
  const b = Math.floor(hi / step + 1e-9) * step;
  return a <= b ? [a, b] : [lo, hi];
}

function suggestedIntegerRange(name: string): Range {
  if (/licen[cs]e|seats/i.test(name)) return [0, 20];
  if (/employees|headcount|staff/i.test(name)) return [1, 5000];
  if (/year$/i.test(name)) return [1950, 2025];
  if (/age$/i.test(name)) return [18, 90];
  if (/priority|rating|stars/i.test(name)) return [1, 5];
  if (/score|percent/i.test(name)) return [0, 100];
  if (/count|quantity|qty|number/i.test(name)) return [0, 100];
  return [0, 1000];
}

function suggestedMoneyRange(name: string): Range {
  if (/fee|dues/i.test(name)) return [10, 500];
  if (/price/i.test(name)) return [10, 5_000];
  if (/amount|value|budget|cost|volume/i.test(name)) return [100, 50_000];
  return [0, 10_000];
}

function suggestedDecimalRange(name: string): Range {
  if (/percent|rate|discount|share|probability/i.test(name)) return [0, 100];
  if (/latitude|^lat$/i.test(name)) return [47, 55];
  if (/longitude|^lng$|^lon$/i.test(name)) return [6, 15];
  return [0, 1000];
}
