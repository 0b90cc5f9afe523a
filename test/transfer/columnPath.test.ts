import { parseColumnPath } from '../../src/transfer/columnPath';

describe('parseColumnPath', () => {
  it('reads a plain field and a path through references', () => {
    expect(parseColumnPath('lastName', 'c')).toEqual([{ name: 'lastName', args: {} }]);
    expect(parseColumnPath('company.salesRep.email', 'c')).toEqual([
      { name: 'company', args: {} },
      { name: 'salesRep', args: {} },
      { name: 'email', args: {} },
    ]);
  });

  it('reads arguments as names or quoted strings, as defaultAddress(kind: billing).city needs', () => {
    expect(parseColumnPath('defaultAddress(kind: billing).city', 'c')).toEqual([
      { name: 'defaultAddress', args: { kind: 'billing' } },
      { name: 'city', args: {} },
    ]);
    expect(parseColumnPath('x(a: "two words", b:c).y', 'c')).toEqual([
      { name: 'x', args: { a: 'two words', b: 'c' } },
      { name: 'y', args: {} },
    ]);
  });

  it('names the position of a malformed path', () => {
    expect(parseColumnPath('company..name', 'columns[1]')).toEqual({
      field: 'columns[1]',
      message: 'expected a field name at character 9 of "company..name"',
    });
    expect(parseColumnPath('a(kind billing)', 'c')).toMatchObject({ message: expect.stringContaining('expected ":"') });
    expect(parseColumnPath('a(kind: "x', 'c')).toMatchObject({ message: expect.stringContaining('unterminated string') });
    expect(parseColumnPath('', 'c')).toMatchObject({ message: expect.stringContaining('expected a field name') });
  });
});
