import { problemsOfFields } from './definitionProblems';

const p = (path: string, reason: string) => `thing.yaml: ${path}: ${reason}`;

describe('field rules', () => {
  it('rejects an option that does not fit the field type', () => {
    expect(
      problemsOfFields(
        'age: { type: integer, maxLength: 3, pattern: "^1" }',
        'name: { type: string, min: 1, options: [a], target: thing, onDelete: cascade }',
        'tags: { type: multiChoice, options: [a], unique: true }',
        'links: { type: references, target: thing, indexed: true, temporal: true, default: [] }',
        'extra: { type: json, unique: true }',
        'flag: { type: boolean, unique: true }',
      ),
    ).toEqual([
      p('fields.age.maxLength', 'option "maxLength" does not apply to type integer'),
      p('fields.age.pattern', 'option "pattern" does not apply to type integer'),
      p('fields.name.min', 'option "min" does not apply to type string'),
      p('fields.name.options', 'option "options" does not apply to type string'),
      p('fields.name.target', 'option "target" does not apply to type string'),
      p('fields.name.onDelete', 'option "onDelete" does not apply to type string'),
      p('fields.tags.unique', 'option "unique" does not apply to type multiChoice'),
      p('fields.links.indexed', 'option "indexed" does not apply to type references'),
      p('fields.links.temporal', 'option "temporal" does not apply to type references'),
      p('fields.links.default', 'option "default" does not apply to type references'),
      p('fields.extra.unique', 'option "unique" does not apply to type json'),
      p('fields.flag.unique', 'option "unique" does not apply to type boolean'),
    ]);
  });

  it('rejects the keywords of selection conditions as field names', () => {
    expect(problemsOfFields('aggregate: { type: integer }', 'selection: { type: string }')).toEqual([
      p('fields.aggregate', 'is a keyword of selection conditions'),
      p('fields.selection', 'is a keyword of selection conditions'),
    ]);
  });

  it('accepts every option on a type it fits', () => {
    expect(
      problemsOfFields(
        'code: { type: string, maxLength: 5, pattern: "^[A-Z]+$", unique: true, indexed: true, temporal: true }',
        'amount: { type: money, min: 0, max: 100, default: "9.50" }',
        'ratio: { type: decimal, min: 0, max: 1, default: 0.5 }',
        'owner: { type: reference, target: thing, onDelete: setNull, inverse: owned, unique: true }',
        'size: { type: choice, options: [S, M, L], default: M }',
        'kinds: { type: multiChoice, list: kind, indexed: true, default: [] }',
        'born: { type: date, default: "2000-02-29" }',
        'seen: { type: datetime, default: "2024-12-31T09:30:00Z" }',
        'meta: { type: json, default: { a: [1, 2] } }',
      ),
    ).toEqual([]);
  });

  it('requires exactly one of options and list on a choice', () => {
    expect(
      problemsOfFields('a: { type: choice }', 'b: { type: multiChoice, options: [x], list: bs }'),
    ).toEqual([
      p('fields.a', 'a choice field needs "options" or "list"'),
      p('fields.b', 'give either "options" or "list", not both'),
    ]);
  });

  it('requires options to be a non-empty list of distinct, non-empty strings and list a camelCase name', () => {
    expect(
      problemsOfFields(
        'a: { type: choice, options: [] }',
        'b: { type: choice, options: [x, "", x] }',
        'c: { type: choice, list: Sizes }',
      ),
    ).toEqual([
      p('fields.a.options', 'must not be empty'),
      p('fields.b.options[1]', 'must not be empty'),
      p('fields.b.options[2]', 'duplicate entry "x"'),
      p('fields.c.list', 'must be camelCase (a lower-case letter, then letters and digits)'),
    ]);
  });

  it('requires a target on references', () => {
    expect(problemsOfFields('a: { type: reference }', 'b: { type: references, inverse: things }')).toEqual([
      p('fields.a.target', 'is required'),
      p('fields.b.target', 'is required'),
    ]);
  });

  it('rejects onDelete setNull on a required reference', () => {
    expect(problemsOfFields('a: { type: reference, target: thing, required: true, onDelete: setNull }')).toEqual([
      p('fields.a.onDelete', 'setNull is not possible for a required field'),
    ]);
  });

  it('rejects min greater than max', () => {
    expect(problemsOfFields('a: { type: integer, min: 10, max: 1 }')).toEqual([
      p('fields.a.min', 'is greater than max (1)'),
    ]);
  });

  it('rejects a maxLength below 1', () => {
    expect(problemsOfFields('a: { type: string, maxLength: 0 }')).toEqual([p('fields.a.maxLength', 'must be at least 1')]);
  });

  it('reports why a pattern does not compile', () => {
    expect(problemsOfFields('a: { type: string, pattern: "[a-" }')).toEqual([
      p('fields.a.pattern', 'invalid regular expression: /[a-/: Unterminated character class'),
    ]);
  });
});

describe('field defaults', () => {
  it('must fit the field type', () => {
    expect(
      problemsOfFields(
        'a: { type: string, default: 1 }',
        'b: { type: integer, default: 1.5 }',
        'c: { type: money, default: ten }',
        'd: { type: boolean, default: "yes" }',
        'e: { type: date, default: "2023-02-30" }',
        'f: { type: datetime, default: tomorrow }',
        'g: { type: multiChoice, options: [x], default: x }',
        'h: { type: choice, list: hs, default: [x] }',
      ),
    ).toEqual([
      p('fields.a.default', 'must be a string'),
      p('fields.b.default', 'must be an integer'),
      p('fields.c.default', 'must be a number or a numeric string'),
      p('fields.d.default', 'must be true or false'),
      p('fields.e.default', 'must be a date like 2024-12-31'),
      p('fields.f.default', 'must be an ISO date-time like 2024-12-31T09:30:00Z'),
      p('fields.g.default', 'must be a list of strings'),
      p('fields.h.default', 'must be a string'),
    ]);
  });

  it('must be one of the options when options are given', () => {
    expect(
      problemsOfFields(
        'a: { type: choice, options: [x, y], default: z }',
        'b: { type: multiChoice, options: [x], default: [x, z] }',
      ),
    ).toEqual([
      p('fields.a.default', '"z" is not one of the options: x, y'),
      p('fields.b.default[1]', '"z" is not one of the options: x'),
    ]);
  });

  it('must satisfy maxLength, pattern, min and max', () => {
    expect(
      problemsOfFields(
        'country: { type: string, maxLength: 2, pattern: "^[A-Z]{2}$", default: deu }',
        'count: { type: integer, min: 1, max: 9, default: 10 }',
        'fee: { type: money, min: 0, default: "-1" }',
      ),
    ).toEqual([
      p('fields.country.default', 'is longer than maxLength (2)'),
      p('fields.country.default', 'does not match pattern ^[A-Z]{2}$'),
      p('fields.count.default', 'is greater than max (9)'),
      p('fields.fee.default', 'is less than min (0)'),
    ]);
  });
});
