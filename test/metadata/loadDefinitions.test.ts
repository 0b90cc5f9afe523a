import { join } from 'node:path';
import { InvalidDefinitionsError, MetadataError, loadDefinitions } from '../../src/metadata';

const fixture = (name: string) => join(__dirname, '../fixtures', name);

async function problemsIn(dir: string): Promise<string[]> {
  try {
    await loadDefinitions(dir);
  } catch (error) {
    if (error instanceof InvalidDefinitionsError) return error.problems.map(String);
    throw error;
  }
  throw new Error(`${dir} loaded without problems`);
}

describe('loadDefinitions', () => {
  it('loads a valid set using every trait into a registry', async () => {
    const registry = await loadDefinitions(fixture('valid'));
    // journalEntry: the type the journal trait adds.
    expect(registry.entities.map((entity) => entity.name)).toEqual(['account', 'contact', 'journalEntry']);
    expect(registry.get('contact').traits).toEqual(['addresses', 'journal', 'attributes', 'owned']);
    expect(registry.inversesOf('account').map((inverse) => inverse.name)).toEqual(['contacts']);
  });

  it('reports every problem of a broken file at once, in file order', async () => {
    expect(await problemsIn(fixture('broken'))).toEqual([
      'patient.yaml: name: must equal the file name "patient"',
      'patient.yaml: colour: unknown key "colour"',
      'patient.yaml: traits[1]: unknown trait "teleport" (known: addresses, journal, attributes, owned)',
      'patient.yaml: label.EN: "EN" is not a locale like en or de-CH',
      'patient.yaml: fields.id: is a built-in field of every record',
      'patient.yaml: fields.lastName.type: must be one of: string, text, integer, decimal, money, boolean, date, ' +
        'datetime, email, phone, url, choice, multiChoice, reference, references, json',
      'patient.yaml: fields.lastName.requird: unknown key "requird" (did you mean "required"?)',
      'patient.yaml: fields.age.maxLength: option "maxLength" does not apply to type integer',
      'patient.yaml: fields.age.min: is greater than max (5)',
      'patient.yaml: fields.code.pattern: invalid regular expression: /(/: Unterminated group',
      'patient.yaml: fields.bloodGroup: a choice field needs "options" or "list"',
      'patient.yaml: fields.insurer.onDelete: setNull is not possible for a required field',
      'patient.yaml: fields.insurerId: clashes with reference field "insurer" (both would be column insurer_id)',
      'patient.yaml: layout[0].fields[1]: unknown field "nme"',
      'patient.yaml: layout[0].fields[2]: "lastName" is already placed at layout[0].fields[0]',
      'patient.yaml: fields.insurer.target: unknown type "company"',
    ]);
  });

  it('reports every cross-file problem, grouped by file', async () => {
    expect(await problemsIn(fixture('cross-file'))).toEqual([
      'company.yaml: fields.industries.target: unknown type "industry"',
      'company.yaml: fields.industries: link table "company_industries" clashes with the table of type ' +
        'companyIndustries (companyIndustries.yaml)',
      'date.yaml: name: "date" is reserved: the API has a built-in type Date',
      'patient.yaml: fields.insurer.inverse: "insuredPatients" clashes with field insuredPatients of type company ' +
        '(company.yaml#fields.insuredPatients)',
      'patient.yaml: fields.payer.inverse: "owner" on type company is reserved by the owned trait',
      'patient.yaml: fields.doctor.target: unknown type "compny" (did you mean "company"?)',
      'person.yaml: plural: "people" is also the name of type people (people.yaml)',
      'person.yaml: fields.formerEmployer.inverse: "staff" is already the inverse of person.yaml#fields.employer on type company',
    ]);
  });

  it('still checks the targets of a file that has problems of its own', async () => {
    expect(await problemsIn(fixture('local-and-cross-file'))).toEqual([
      'shipment.yaml: layout[0].fields[1]: unknown field "weight"',
      'shipment.yaml: fields.carrier.target: unknown type "carier" (did you mean "carrier"?)',
      'shipment.yaml: fields.manager.target: unknown type "warehouseManager"',
    ]);
  });

  it('reports a YAML syntax error with its line, and no follow-up errors in files referring to it', async () => {
    expect(await problemsIn(fixture('yaml-syntax'))).toEqual([
      'broken.yaml: (root): YAML syntax error at line 4, column 3: ' +
        'Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('rejects a missing directory with one problem naming it', async () => {
    const dir = fixture('does-not-exist');
    await expect(loadDefinitions(dir)).rejects.toThrow(InvalidDefinitionsError);
    expect(await problemsIn(dir)).toEqual([`${dir}: (root): definitions directory not found`]);
  });

  it('throws an error whose message lists every problem', async () => {
    const error = await loadDefinitions(fixture('broken')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidDefinitionsError);
    const { problems, message } = error as InvalidDefinitionsError;
    expect(problems.every((problem) => problem instanceof MetadataError)).toBe(true);
    expect(message).toContain(`${problems.length} problem(s)`);
    expect(message).toContain('  patient.yaml: colour: unknown key "colour"');
  });
});
