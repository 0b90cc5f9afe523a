import { BadUserInputError, type FieldError } from '../../errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface Page {
  /** Rows per page, at most MAX_PAGE_SIZE. */
  readonly limit: number;
  /** Paging from the end (`last`/`before`). */
  readonly backward: boolean;
}

/** `first` defaults to 50 and is capped at 500 (contract section 3); `last` pages from the end. */
export function pageOf(args: { first?: number | null; last?: number | null }): Page {
  const errors: FieldError[] = [];
  if (args.first != null && args.first < 0) errors.push({ field: 'first', message: 'must not be negative' });
  if (args.last != null && args.last < 0) errors.push({ field: 'last', message: 'must not be negative' });
  if (args.first != null && args.last != null) errors.push({ field: 'last', message: 'give either first or last, not both' });
  if (errors.length > 0) throw new BadUserInputError(errors);
  const backward = args.last != null;
  const requested = backward ? args.last! : (args.first ?? DEFAULT_PAGE_SIZE);
  return { limit: Math.min(requested, MAX_PAGE_SIZE), backward };
}
