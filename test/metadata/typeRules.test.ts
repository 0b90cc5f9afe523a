import { problemsOf, problemsOfFields, thing } from './definitionProblems';

const p = (path: string, reason: string) => `thing.yaml: ${path}: ${reason}`;
const withTraits = (traits: string, ...fieldLines: string[]) => ({
  'thing.yaml': `${thing(...fieldLines)}traits: ${traits}\n`,
});

describe('type rules', () => {
  it('requires the name to equal the file name', () => {
    expect(problemsOf({ 'thing.yaml': 'name: thingy\nfields: {}\n' })).toEqual([
      p('name', 'must equal the file name "thing"'),
    ]);
  });

  it('requires the plural to differ from the name', () => {
    expect(problemsOf({ 'thing.yaml': 'name: thing\nplural: thing\nfields: {}\n' })).toEqual([
      p('plural', 'must differ from name'),
    ]);
  });

  it('rejects an unknown trait', () => {
    expect(problemsOf(withTraits('[journal, teleport]', 'a: { type: string }'))).toEqual([
      p('traits[1]', 'unknown trait "teleport" (known: addresses, journal, attributes, owned)'),
    ]);
  });

  it('accepts a known trait', () => {
    expect(problemsOf(withTraits('[journal]', 'a: { type: string }'))).toEqual([]);
    expect(problemsOf(withTraits('[owned, attributes]', 'a: { type: string }'))).toEqual([]);
  });

  it('rejects a trait listed twice', () => {
    expect(problemsOf(withTraits('[owned, owned]', 'a: { type: string }'))).toEqual([
      p('traits[1]', 'duplicate entry "owned"'),
    ]);
  });

  it('requires addressKinds with the addresses trait, and only with it', () => {
    expect(problemsOf(withTraits('[addresses]', 'a: { type: string }'))).toEqual([
      p('addressKinds', 'is required with the addresses trait'),
    ]);
    expect(problemsOf({ 'thing.yaml': `${thing('a: { type: string }')}addressKinds: [home]\n` })).toEqual([
      p('addressKinds', 'only allowed with the addresses trait'),
    ]);
    const kinds = `${thing('a: { type: string }')}traits: [addresses]\naddressKinds: [home, Work, home]\n`;
    expect(problemsOf({ 'thing.yaml': kinds })).toEqual([
      p('addressKinds[1]', 'must be camelCase (a lower-case letter, then letters and digits)'),
      p('addressKinds[2]', 'duplicate entry "home"'),
    ]);
  });
});

describe('field names', () => {
  it('rejects the built-in field names', () => {
    expect(
      problemsOfFields(
        'id: { type: string }',
        'version: { type: integer }',
        'createdAt: { type: datetime }',
        'updatedAt: { type: datetime }',
      ),
    ).toEqual([
      p('fields.id', 'is a built-in field of every record'),
      p('fields.version', 'is a built-in field of every record'),
      p('fields.createdAt', 'is a built-in field of every record'),
      p('fields.updatedAt', 'is a built-in field of every record'),
    ]);
  });

  it('rejects the names a trait adds, only when the type has that trait', () => {
    const fields = [
      'addresses: { type: text }',
      'defaultAddress: { type: text }',
      'attributes: { type: json }',
      'attributeHistory: { type: json }',
      'journal: { type: text }',
      'owner: { type: string }',
      'team: { type: string }',
      'area: { type: string }',
    ];
    expect(problemsOfFields(...fields)).toEqual([]);
    const traits = 'traits: [addresses, attributes, journal, owned]\naddressKinds: [home]\n';
    expect(problemsOf({ 'thing.yaml': `${thing(...fields)}${traits}` })).toEqual([
      p('fields.addresses', 'is reserved by the addresses trait'),
      p('fields.defaultAddress', 'is reserved by the addresses trait'),
      p('fields.attributes', 'is reserved by the attributes trait'),
      p('fields.attributeHistory', 'is reserved by the attributes trait'),
      p('fields.journal', 'is reserved by the journal trait'),
      p('fields.owner', 'is reserved by the owned trait'),
      p('fields.team', 'is reserved by the owned trait'),
      p('fields.area', 'is reserved by the owned trait'),
    ]);
  });

  it('rejects <x>History next to a temporal field x', () => {
    expect(
      problemsOfFields('tariff: { type: string, temporal: true }', 'tariffHistory: { type: json }', 'nameHistory: { type: json }'),
    ).toEqual([
      p('fields.tariffHistory', 'clashes with the history of temporal field "tariff"'),
    ]);
  });

  it('rejects fields that would share a column', () => {
    expect(
      problemsOfFields(
        'insurerId: { type: string }',
        'insurer: { type: reference, target: thing }',
        'vatID: { type: string }',
        'vatId: { type: string }',
        'createdAT: { type: datetime }',
      ),
    ).toEqual([
      p('fields.insurerId', 'clashes with reference field "insurer" (both would be column insurer_id)'),
      p('fields.vatId', 'clashes with field "vatID" (both would be column vat_id)'),
      p('fields.createdAT', 'column "created_at" clashes with a built-in column'),
    ]);
  });
});

describe('layout', () => {
  const layout = (...sections: string[]) => ({
    'thing.yaml': `${thing('name: { type: string }', 'size: { type: integer }')}layout:\n${sections.join('\n')}\n`,
  });

  it('accepts declared and built-in fields', () => {
    expect(problemsOf(layout('  - section: Main', '    fields: [name, size, id, version, createdAt, updatedAt]'))).toEqual([]);
  });

  it('accepts the fields a trait of the type adds', () => {
    const files = layout('  - section: Main', '    fields: [name, owner]');
    expect(problemsOf(files)).toEqual([p('layout[0].fields[1]', 'unknown field "owner"')]);
    expect(problemsOf({ 'thing.yaml': `${files['thing.yaml']}traits: [owned]\n` })).toEqual([]);
  });

  it('rejects an unknown field', () => {
    expect(problemsOf(layout('  - section: Main', '    fields: [name]', '  - section: More', '    fields: [siz, colour]'))).toEqual([
      p('layout[1].fields[0]', 'unknown field "siz" (did you mean "size"?)'),
      p('layout[1].fields[1]', 'unknown field "colour"'),
    ]);
  });

  it('rejects a field placed twice', () => {
    expect(problemsOf(layout('  - section: Main', '    fields: [name, size]', '  - section: More', '    fields: [name]'))).toEqual([
      p('layout[1].fields[0]', '"name" is already placed at layout[0].fields[0]'),
    ]);
  });

  it('requires a section heading and its fields', () => {
    expect(problemsOf(layout('  - fields: [name]', '  - section: { en: More }', '    colour: red'))).toEqual([
      p('layout[0].section', 'is required'),
      p('layout[1].colour', 'unknown key "colour"'),
      p('layout[1].fields', 'is required'),
    ]);
  });
});
