import type { FieldError } from '../errors';

/**
 * Relative date values in selection conditions (`{ "gte": { "relative": "startOfLastYear" } }`),
 * resolved each time a condition runs, so that a saved "last year" stays right next year.
 * Periods are calendar periods in UTC; `days`, `months`, `years` shift the anchor.
 */
export const RELATIVE_ANCHORS = [
  'today',
  'startOfThisMonth',
  'startOfLastMonth',
  'startOfNextMonth',
  'startOfThisYear',
  'startOfLastYear',
  'startOfNextYear',
] as const;

export type RelativeAnchor = (typeof RELATIVE_ANCHORS)[number];

const OFFSETS = ['days', 'months', 'years'] as const;

export function isRelativeDate(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'relative' in value;
}

/** The UTC date `value` stands for on `now`, or the problems with it (paths below `path`). */
export function resolveRelativeDate(value: Record<string, unknown>, now: Date, path: string): Date | FieldError[] {
  const errors: FieldError[] = [];
  const anchor = value.relative;
  if (typeof anchor !== 'string' || !(RELATIVE_ANCHORS as readonly string[]).includes(anchor)) {
    errors.push({ field: `${path}.relative`, message: `must be one of: ${RELATIVE_ANCHORS.join(', ')}` });
  }
  for (const key of Object.keys(value)) {
    if (key === 'relative') continue;
    if (!(OFFSETS as readonly string[]).includes(key)) errors.push({ field: `${path}.${key}`, message: `is not one of relative, ${OFFSETS.join(', ')}` });
    else if (!Number.isInteger(value[key])) errors.push({ field: `${path}.${key}`, message: 'must be a whole number' });
  }
  if (errors.length > 0) return errors;
  const start = anchorDate(anchor as RelativeAnchor, now);
  return new Date(
    Date.UTC(
      start.getUTCFullYear() + ((value.years as number | undefined) ?? 0),
      start.getUTCMonth() + ((value.months as number | undefined) ?? 0),
      start.getUTCDate() + ((value.days as number | undefined) ?? 0),
    ),
  );
}

function anchorDate(anchor: RelativeAnchor, now: Date): Date {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (anchor) {
    case 'today':
      return new Date(Date.UTC(year, month, now.getUTCDate()));
    case 'startOfThisMonth':
      return new Date(Date.UTC(year, month, 1));
    case 'startOfLastMonth':
      return new Date(Date.UTC(year, month - 1, 1));
    case 'startOfNextMonth':
      return new Date(Date.UTC(year, month + 1, 1));
    case 'startOfThisYear':
      return new Date(Date.UTC(year, 0, 1));
    case 'startOfLastYear':
      return new Date(Date.UTC(year - 1, 0, 1));
    case 'startOfNextYear':
      return new Date(Date.UTC(year + 1, 0, 1));
  }
}
