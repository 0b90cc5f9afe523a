import type { FieldDefinition } from '../../src/metadata/types';
import { cellValue } from '../../src/transfer/cellValue';

const field = (type: FieldDefinition['type']) => ({ name: 'f', type, label: {} }) as unknown as FieldDefinition;

describe('cellValue', () => {
  it('reads decimals with a point or a German comma, thousands separators included', () => {
    expect(['1234.5', '1234,5', '1.234,50', '1 234,50', '-0,5', '+7'].map((t) => cellValue(field('money'), t))).toEqual([
      { value: '1234.5' },
      { value: '1234.5' },
      { value: '1234.50' },
      { value: '1234.50' },
      { value: '-0.5' },
      { value: '7' },
    ]);
    expect(cellValue(field('decimal'), '1,2,3')).toEqual({ error: 'is not a number' });
  });

  it('reads ISO and German dates and refuses dates that do not exist', () => {
    expect(cellValue(field('date'), '2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(cellValue(field('date'), '1.3.2024')).toEqual({ value: '2024-03-01' });
    expect(cellValue(field('date'), '29.02.2023')).toEqual({ error: 'is not a date (2025-12-31 or 31.12.2025)' });
  });

  it('reads booleans in English and German, whole numbers, lists and JSON', () => {
    expect(['ja', 'Nein', 'TRUE', '0'].map((t) => cellValue(field('boolean'), t))).toEqual([{ value: true }, { value: false }, { value: true }, { value: false }]);
    expect(cellValue(field('integer'), '12')).toEqual({ value: 12 });
    expect(cellValue(field('integer'), '1.5')).toEqual({ error: 'is not a whole number' });
    expect(cellValue(field('multiChoice'), 'a, b|c')).toEqual({ value: ['a', 'b', 'c'] });
    expect(cellValue(field('json'), '{"a":1}')).toEqual({ value: { a: 1 } });
  });

  it('treats an empty cell as not given and removes the apostrophe export put before formula-like text', () => {
    expect(cellValue(field('string'), '  ')).toBeUndefined();
    expect(cellValue(field('string'), "'=SUM(A1)")).toEqual({ value: '=SUM(A1)' });
    expect(cellValue(field('string'), "'quoted")).toEqual({ value: "'quoted" });
  });
});
