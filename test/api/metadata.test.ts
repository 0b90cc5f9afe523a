import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadDefinitions, ROLES_FILE, type EntityDefinition, type LocalizedText, type MetadataRegistry } from '../../src/metadata';
import { DATABASE_KINDS } from '../support/databases';
import { SAMPLE_DEFINITIONS, startTestServer, type TestServer } from '../support/testServer';

/** `metadata` (contract section 3) describes every type as its definition file says, in the asked locale. */

const METADATA = (locale: string) => `{
  metadata {
    types {
      name plural label(locale: "${locale}") traits addressKinds
      fields { name type required label(locale: "${locale}") options target }
      layout { section(locale: "${locale}") fields }
    }
  }
}`;

interface TypeMeta {
  name: string;
  plural: string;
  label: string;
  traits: string[];
  addressKinds: string[];
  fields: { name: string; type: string; required: boolean; label: string; options: string[]; target: string | null }[];
  layout: { section: string; fields: string[] }[];
}

const text = (label: LocalizedText, locale: string) => label[locale] ?? label.en;

/** What the metadata should say of `entity` in `locale`, from the registry. */
function expected(entity: EntityDefinition, locale: string): TypeMeta {
  return {
    name: entity.name,
    plural: entity.plural,
    label: text(entity.label, locale)!,
    traits: [...entity.traits],
    addressKinds: [...entity.addressKinds],
    fields: entity.fields.map((f) => ({
      name: f.name,
      type: f.type,
      required: f.required,
      label: text(f.label, locale)!,
      // Master-list choices have their values in the list (contract section 6), not in the file.
      options: f.list ? expect.any(Array) : [...(f.options ?? [])],
      target: f.target ?? null,
    })),
    layout: entity.layout.map((s) => ({ section: text(s.section, locale)!, fields: [...s.fields] })),
  };
}

describe.each(DATABASE_KINDS)('metadata on %s', (kind) => {
  let t: TestServer;
  let registry: MetadataRegistry;
  const byName = (types: TypeMeta[]) => Object.fromEntries(types.map((type) => [type.name, type]));

  beforeAll(async () => {
    registry = await loadDefinitions(SAMPLE_DEFINITIONS);
    t = await startTestServer(kind);
  });
  afterAll(() => t?.close());

  it('lists every sample type once, and journalEntry that the journal trait adds', async () => {
    const data = await t.ok(METADATA('de'));
    const names = (data.metadata.types as TypeMeta[]).map((type) => type.name).sort();
    expect(names).toEqual(['company', 'employee', 'journalEntry', 'member', 'order', 'patient', 'person']);
  });

  it('describes every sample type exactly as the registry of its definition, in German', async () => {
    const types = byName((await t.ok(METADATA('de'))).metadata.types);
    for (const entity of registry.entities) expect(types[entity.name]).toEqual(expected(entity, 'de'));
  });

  it('falls back to English for a locale without labels', async () => {
    const types = byName((await t.ok(METADATA('fr'))).metadata.types);
    for (const entity of registry.entities) expect(types[entity.name]).toEqual(expected(entity, 'en'));
    expect(types.company!.label).toBe('Company');
    expect(types.company!.layout.map((s) => s.section)).toEqual(['Company', 'Head office', 'Sales', 'Notes', 'Ownership']);
  });

  it('gives English labels when no locale is asked for', async () => {
    const data = await t.ok('{ metadata { types { name label fields { name label } layout { section } } } }');
    const company = (data.metadata.types as { name: string; label: string; fields: { name: string; label: string }[] }[]).find((x) => x.name === 'company')!;
    expect(company.label).toBe('Company');
    expect(company.fields.find((f) => f.name === 'postalCode')!.label).toBe('Postal code');
  });

  it('matches the YAML files themselves: names, types, required, German labels, options, targets, layout', async () => {
    const types = byName((await t.ok(METADATA('de'))).metadata.types);
    const files = readdirSync(SAMPLE_DEFINITIONS).filter((f) => f.endsWith('.yaml') && f !== ROLES_FILE);
    expect(files).toHaveLength(6);
    for (const file of files) {
      const raw = parse(readFileSync(join(SAMPLE_DEFINITIONS, file), 'utf8'));
      const type = types[raw.name]!;
      expect(type).toBeDefined();
      expect(type.plural).toBe(raw.plural ?? `${raw.name}s`);
      expect(type.label).toBe(raw.label.de);
      expect(type.traits).toEqual(raw.traits ?? []);
      const traitFields = raw.traits?.includes('owned') ? ['owner', 'team', 'area'] : [];
      expect(type.fields.map((f) => f.name)).toEqual([...Object.keys(raw.fields), ...traitFields]);
      for (const field of type.fields.filter((f) => !traitFields.includes(f.name))) {
        const rawField = raw.fields[field.name];
        expect({ file, ...field }).toEqual({
          file,
          name: field.name,
          type: rawField.type,
          required: rawField.required ?? false,
          label: rawField.label.de,
          options: rawField.list ? expect.any(Array) : (rawField.options ?? []),
          target: rawField.target ?? null,
        });
      }
      expect(type.layout).toEqual(raw.layout.map((s: { section: LocalizedText; fields: string[] }) => ({ section: s.section.de, fields: s.fields })));
    }
  });

  it('spells out the documented samples', async () => {
    const types = byName((await t.ok(METADATA('de'))).metadata.types);
    expect(types.company).toMatchObject({ name: 'company', plural: 'companies', label: 'Firma', traits: ['addresses', 'journal', 'attributes', 'owned'], addressKinds: ['delivery', 'billing'] });
    expect(types.person).toMatchObject({ plural: 'people', label: 'Person' });
    expect(types.employee).toMatchObject({ plural: 'employees', label: 'Mitarbeiter' });
    expect(types.member).toMatchObject({ plural: 'members', label: 'Mitglied' });
    expect(types.patient!.fields.find((f) => f.name === 'insurer')).toEqual({
      name: 'insurer', type: 'reference', required: false, label: 'Krankenkasse', options: [], target: 'company',
    });
    expect(types.patient!.fields.find((f) => f.name === 'bloodGroup')).toEqual({
      name: 'bloodGroup', type: 'choice', required: false, label: 'Blutgruppe',
      options: ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', '0+', '0-'], target: null,
    });
    expect(types.patient!.fields.find((f) => f.name === 'lastName')).toMatchObject({ type: 'string', required: true, label: 'Nachname' });
    expect(types.employee!.fields.find((f) => f.name === 'mentors')).toMatchObject({ type: 'references', target: 'employee', label: 'Mentoren' });
    expect(types.employee!.fields.find((f) => f.name === 'softSkills')).toMatchObject({
      type: 'multiChoice', options: ['communication', 'teamwork', 'leadership', 'negotiation', 'empathy'],
    });
    expect(types.company!.fields.find((f) => f.name === 'revenueLastYear')).toMatchObject({ type: 'money', label: 'Umsatz Vorjahr' });
    expect(types.company!.layout).toEqual([
      { section: 'Firma', fields: ['name', 'companyClass', 'industries', 'website', 'phone'] },
      { section: 'Firmensitz', fields: ['street', 'postalCode', 'city', 'country'] },
      { section: 'Vertrieb', fields: ['salesRep', 'interestAreas', 'revenueLastYear', 'licences'] },
      { section: 'Notizen', fields: ['notes'] },
      { section: 'Zuständigkeit', fields: ['owner', 'team', 'area'] },
    ]);
  });

  it('describes no type to a caller without a known role', async () => {
    const r = await t.gql('{ metadata { types { name } } }', undefined, await t.token('reader', ['nobody']));
    expect(r.errors).toBeUndefined();
    expect(r.data.metadata.types).toEqual([]);
  });
});
