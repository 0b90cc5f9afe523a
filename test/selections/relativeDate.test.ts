import { resolveRelativeDate } from '../../src/selections/relativeDate';

const NOW = new Date('2026-03-15T22:30:00Z');
const at = (value: Record<string, unknown>) => {
  const result = resolveRelativeDate(value, NOW, 'p');
  return Array.isArray(result) ? result : result.toISOString().slice(0, 10);
};

describe('resolveRelativeDate', () => {
  it('resolves calendar anchors in UTC', () => {
    expect(at({ relative: 'today' })).toBe('2026-03-15');
    expect(at({ relative: 'startOfThisMonth' })).toBe('2026-03-01');
    expect(at({ relative: 'startOfLastMonth' })).toBe('2026-02-01');
    expect(at({ relative: 'startOfNextMonth' })).toBe('2026-04-01');
    expect(at({ relative: 'startOfThisYear' })).toBe('2026-01-01');
    expect(at({ relative: 'startOfLastYear' })).toBe('2025-01-01');
    expect(at({ relative: 'startOfNextYear' })).toBe('2027-01-01');
  });

  it('shifts an anchor by days, months and years, across month and year ends', () => {
    expect(at({ relative: 'today', days: -30 })).toBe('2026-02-13');
    expect(at({ relative: 'startOfThisYear', months: -1 })).toBe('2025-12-01');
    expect(at({ relative: 'startOfThisMonth', years: -2, days: -1 })).toBe('2024-02-29');
  });

  it('names every bad part', () => {
    expect(at({ relative: 'yesterday', weeks: 1, days: 1.5 })).toEqual([
      { field: 'p.relative', message: expect.stringContaining('must be one of: today, ') },
      { field: 'p.weeks', message: 'is not one of relative, days, months, years' },
      { field: 'p.days', message: 'must be a whole number' },
    ]);
  });
});
