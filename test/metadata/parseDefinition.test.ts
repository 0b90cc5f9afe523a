import { parseDefinition } from '../../src/metadata';
import { definitionOf, problemsOf, problemsOfFields, thing } from './definitionProblems';

describe('parseDefinition: normalisation', () => {
  it('fills in the defaults of a minimal definition', () => {
    const definition = definitionOf('name: journalEntry\nfields:\n  subject: { type: string }\n', 'journalEntry.yaml');
    expect(definition).toEqual({
      name: 'journalEntry',
      plural: 'journalEntrys',
      label: { en: 'Journal entry' },
      traits: [],
      addressKinds: [],
      fields: [
        {
          name: 'subject',
          type: 'string',
          required: false,
          unique: false,
          indexed: false,
          label: { en: 'Subject' },
          sensitive: false,
          personal: false,
          temporal: false,
        },
      ],
      layout: [{ section: { en: 'Journal entry' }, fields: ['subject'] }],
      file: 'journalEntry.yaml',
    });
  });

  it('reads a plain-string label as English and keeps an English default beside other locales', () => {
    const definition = definitionOf(
      thing('lastName: { type: string, label: { de: Nachname } }', 'city: { type: string, label: Town }') +
        'label: Gadget\ndescription: A gadget\n',
    );
    expect(definition.label).toEqual({ en: 'Gadget' });
    expect(definition.description).toEqual({ en: 'A gadget' });
    expect(definition.fields.map((field) => field.label)).toEqual([{ en: 'Last name', de: 'Nachname' }, { en: 'Town' }]);
  });

  it('defaults onDelete to restrict for a reference only', () => {
    const definition = definitionOf(
      'name: thing\nfields:\n  parent: { type: reference, target: thing }\n  links: { type: references, target: thing }\n',
    );
    expect(definition.fields.map((field) => field.onDelete)).toEqual(['restrict', undefined]);
  });

  it('turns deprecated: true into the reason "deprecated" and keeps a given reason', () => {
    const definition = definitionOf(
      thing(
        'old: { type: string, deprecated: true }',
        'older: { type: string, deprecated: use newer }',
        'new: { type: string, deprecated: false }',
      ),
    );
    expect(definition.fields.map((field) => field.deprecated)).toEqual(['deprecated', 'use newer', undefined]);
  });

  it('keeps fields in file order and a given layout with its sections', () => {
    const definition = definitionOf(
      thing('b: { type: string }', 'a: { type: string }') +
        'layout:\n  - section: { en: Main, de: Haupt }\n    fields: [b]\n  - section: Other\n    fields: [a, id]\n',
    );
    expect(definition.fields.map((field) => field.name)).toEqual(['b', 'a']);
    expect(definition.layout).toEqual([
      { section: { en: 'Main', de: 'Haupt' }, fields: ['b'] },
      { section: { en: 'Other' }, fields: ['a', 'id'] },
    ]);
  });

  it('keeps every given option', () => {
    const [field] = definitionOf(
      thing(
        'code: { type: string, required: true, unique: true, indexed: true, maxLength: 9, pattern: "^[A-Z]+$", ' +
          'default: ABC, sensitive: true, temporal: true, readRoles: [a], writeRoles: [b], renamedFrom: oldCode, ' +
          'description: { en: The code } }',
      ),
    ).fields;
    expect(field).toEqual({
      name: 'code',
      type: 'string',
      required: true,
      unique: true,
      indexed: true,
      default: 'ABC',
      maxLength: 9,
      pattern: '^[A-Z]+$',
      label: { en: 'Code' },
      description: { en: 'The code' },
      sensitive: true,
      personal: true,
      temporal: true,
      readRoles: ['a'],
      writeRoles: ['b'],
      renamedFrom: 'oldCode',
    });
  });

  it('returns no definition when there are problems', () => {
    const result = parseDefinition({ file: 'thing.yaml', text: 'name: thing\n' });
    expect(result.definition).toBeUndefined();
    expect(result.errors.map(String)).toEqual(['thing.yaml: fields: is required']);
  });
});

describe('parseDefinition: the shape of the document', () => {
  it('rejects an unknown key and names it in the path', () => {
    expect(problemsOfFields('name: { type: string, colour: red }')).toEqual([
      'thing.yaml: fields.name.colour: unknown key "colour"',
    ]);
  });

  it('suggests the key meant by a typo', () => {
    expect(problemsOf({ 'thing.yaml': thing('a: { type: string }') + 'lable: Thing\n' })).toEqual([
      'thing.yaml: lable: unknown key "lable" (did you mean "label"?)',
    ]);
  });

  it('lists the allowed values of an enum', () => {
    expect(problemsOfFields('a: { type: reference, target: thing, onDelete: nullify }')).toEqual([
      'thing.yaml: fields.a.onDelete: must be one of: restrict, cascade, setNull',
    ]);
  });

  it('reports a missing required key at its own path', () => {
    expect(problemsOfFields('a: { required: true }')).toEqual(['thing.yaml: fields.a.type: is required']);
    expect(problemsOf({ 'thing.yaml': 'fields: {}\n' })).toEqual(['thing.yaml: name: is required']);
  });

  it('reports a value of the wrong kind in YAML words', () => {
    expect(problemsOfFields('a: { type: string, required: yes, maxLength: ten }', 'b:')).toEqual([
      'thing.yaml: fields.a.required: must be true or false',
      'thing.yaml: fields.a.maxLength: must be an integer',
      'thing.yaml: fields.b: must be a mapping',
    ]);
  });

  it('requires camelCase names', () => {
    expect(problemsOf({ 'thing.yaml': 'name: thing\nplural: Things\nfields:\n  Last_name: { type: string }\n' })).toEqual([
      'thing.yaml: plural: must be camelCase (a lower-case letter, then letters and digits)',
      'thing.yaml: fields.Last_name: field name must be camelCase (a lower-case letter, then letters and digits)',
    ]);
  });

  it('accepts a localized text as a string or by locale, and rejects bad locales and empty texts', () => {
    expect(problemsOfFields('a: { type: string, label: { en: A, de-CH: Ä } }')).toEqual([]);
    expect(problemsOfFields('a: { type: string, label: { english: A, de: "" } }', 'b: { type: string, label: 3 }')).toEqual([
      'thing.yaml: fields.a.label.english: "english" is not a locale like en or de-CH',
      'thing.yaml: fields.a.label.de: must not be empty',
      'thing.yaml: fields.b.label: must be a string or a mapping',
    ]);
  });

  it('accepts an ISO-8601 retention period and rejects anything else', () => {
    for (const retention of ['P10Y', 'P6M', 'P30D', 'P1Y6M', 'PT12H']) {
      expect(problemsOf({ 'thing.yaml': `${thing('a: { type: string }')}retention: ${retention}\n` })).toEqual([]);
    }
    expect(problemsOf({ 'thing.yaml': `${thing('a: { type: string }')}retention: 10 years\n` })).toEqual([
      'thing.yaml: retention: must be an ISO-8601 duration like P10Y, P6M or P30D, or { afterDays: N, action: anonymise }',
    ]);
  });

  it('reads retention as afterDays and an action; an ISO duration means anonymise after that many days', () => {
    const retentionOf = (value: string) => definitionOf(`${thing('a: { type: string }')}retention: ${value}\n`).retention;
    expect(retentionOf('{ afterDays: 30, action: delete }')).toEqual({ afterDays: 30, action: 'delete' });
    expect(retentionOf('{ afterDays: 7 }')).toEqual({ afterDays: 7, action: 'anonymise' });
    expect(retentionOf('P10Y')).toEqual({ afterDays: 3650, action: 'anonymise' });
    expect(retentionOf('P1M2W')).toEqual({ afterDays: 44, action: 'anonymise' });
    expect(retentionOf('PT12H')).toEqual({ afterDays: 1, action: 'anonymise' });
    expect(problemsOf({ 'thing.yaml': `${thing('a: { type: string }')}retention: { afterDays: 0, action: shred }\n` })).toEqual([
      'thing.yaml: retention.afterDays: must be at least 1',
      'thing.yaml: retention.action: must be one of: anonymise, delete',
    ]);
  });

  it('reports a YAML syntax error with its line and column', () => {
    expect(problemsOf({ 'thing.yaml': 'name: thing\nfields:\n  a: { type: string\n' })).toEqual([
      'thing.yaml: (root): YAML syntax error at line 4, column 1: ' +
        'Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('rejects a key given twice', () => {
    expect(problemsOf({ 'thing.yaml': 'name: thing\nname: other\nfields: {}\n' })).toEqual([
      'thing.yaml: (root): YAML syntax error at line 2, column 1: Map keys must be unique',
    ]);
  });

  it('rejects an empty file', () => {
    expect(problemsOf({ 'thing.yaml': '' })).toEqual(['thing.yaml: (root): must be a mapping']);
  });
});
