import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDefinitions, readDefinitions, ROLES_FILE } from '../../src/metadata';

const SAMPLES = join(__dirname, '../../metadata-definitions');

describe('the sample definitions', () => {
  it('load without problems, with the journal trait adding journalEntry', async () => {
    const registry = await loadDefinitions(SAMPLES);
    expect(registry.entities.map((entity) => entity.name)).toEqual(['company', 'employee', 'journalEntry', 'member', 'order', 'patient', 'person']);
  });

  it('start with the schema modeline for editors', async () => {
    for (const { file, text } of await readDefinitions(SAMPLES)) {
      const schema = file === ROLES_FILE ? 'roles.schema.json' : 'definition.schema.json';
      expect(`${file}: ${text.split('\n')[0]}`).toBe(`${file}: # yaml-language-server: $schema=../${schema}`);
    }
  });

  it('label every type, field and section in English and German', async () => {
    const registry = await loadDefinitions(SAMPLES);
    for (const entity of registry.entities) {
      const texts = [entity.label, ...entity.fields.map((field) => field.label), ...entity.layout.map((s) => s.section)];
      for (const text of texts) expect(Object.keys(text).sort()).toEqual(['de', 'en']);
    }
  });

  it('place every field in exactly one layout section', async () => {
    const registry = await loadDefinitions(SAMPLES);
    for (const entity of registry.entities) {
      const placed = entity.layout.flatMap((section) => section.fields).sort();
      expect(placed).toEqual(entity.fields.map((field) => field.name).sort());
    }
  });

  it('generate the inverses of their references', async () => {
    const registry = await loadDefinitions(SAMPLES);
    const inverses = (name: string) => registry.inversesOf(name).map((inverse) => `${inverse.name} <- ${inverse.source}`);
    expect(inverses('company')).toEqual(['orders <- order', 'insuredPatients <- patient', 'people <- person']);
    expect(inverses('employee')).toEqual(['accounts <- company', 'mentees <- employee']);
  });

  it('keep the documented choices of the patient sample', async () => {
    const patient = (await loadDefinitions(SAMPLES)).get('patient');
    expect(patient.fields.find((field) => field.name === 'bloodGroup')?.options).toEqual([
      'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', '0+', '0-',
    ]);
    const text = await readFile(join(SAMPLES, 'patient.yaml'), 'utf8');
    expect(text).toContain("pattern: '^[A-Z][0-9]{9}$'");
  });
});
