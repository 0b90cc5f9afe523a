import { definitionOf, problemsOf } from './definitionProblems';
import { validateDefinitions } from '../../src/metadata';

const type = (name: string, body = 'fields: {}') => ({ [`${name}.yaml`]: `name: ${name}\n${body}\n` });

describe('validateDefinitions', () => {
  it('accepts a consistent set', () => {
    expect(
      problemsOf({
        ...type('company', 'plural: companies\nfields:\n  name: { type: string }'),
        ...type('person', 'plural: people\nfields:\n  employer: { type: reference, target: company, inverse: staff }'),
      }),
    ).toEqual([]);
  });

  it('rejects a reference to an unknown type, suggesting the closest name', () => {
    expect(
      problemsOf({
        ...type('company'),
        ...type(
          'patient',
          'fields:\n  insurer: { type: reference, target: compny }\n  doctor: { type: references, target: physician }',
        ),
      }),
    ).toEqual([
      'patient.yaml: fields.insurer.target: unknown type "compny" (did you mean "company"?)',
      'patient.yaml: fields.doctor.target: unknown type "physician"',
    ]);
  });

  it('rejects a table that starts with relata_, the prefix of the engine\'s own tables', () => {
    expect(problemsOf(type('relataSelection'))).toEqual([
      'relataSelection.yaml: name: table "relata_selection" starts with "relata_", which the engine keeps for its own tables',
    ]);
  });

  it('rejects a type defined twice', () => {
    expect(problemsOf({ 'thing.yaml': 'name: thing\nfields: {}\n', 'thing.yml': 'name: thing\nfields: {}\n' })).toEqual([
      'thing.yml: name: type "thing" is already defined in thing.yaml',
    ]);
  });

  it('rejects a plural equal to another type\'s name or plural', () => {
    expect(
      problemsOf({
        ...type('person', 'plural: people\nfields: {}'),
        ...type('people', 'plural: peoples\nfields: {}'),
        ...type('human', 'plural: peoples\nfields: {}'),
      }),
    ).toEqual([
      'person.yaml: plural: "people" is also the name of type people (people.yaml)',
      'human.yaml: plural: "peoples" is also the plural of type people (people.yaml)',
    ]);
  });

  it('rejects an inverse that clashes with a field, a reserved name or another inverse of the target', () => {
    expect(
      problemsOf({
        ...type('company', 'traits: [owned]\nfields:\n  staff: { type: string, temporal: true }'),
        ...type(
          'person',
          'fields:\n' +
            '  a: { type: reference, target: company, inverse: staff }\n' +
            '  b: { type: reference, target: company, inverse: owner }\n' +
            '  c: { type: reference, target: company, inverse: version }\n' +
            '  d: { type: reference, target: company, inverse: staffHistory }\n' +
            '  e: { type: references, target: company, inverse: members }\n' +
            '  f: { type: reference, target: company, inverse: members }',
        ),
      }),
    ).toEqual([
      'person.yaml: fields.a.inverse: "staff" clashes with field staff of type company (company.yaml#fields.staff)',
      'person.yaml: fields.b.inverse: "owner" on type company is reserved by the owned trait',
      'person.yaml: fields.c.inverse: "version" on type company is a built-in field of every record',
      'person.yaml: fields.d.inverse: "staffHistory" on type company clashes with the history of temporal field "staff"',
      'person.yaml: fields.f.inverse: "members" is already the inverse of person.yaml#fields.e on type company',
    ]);
  });

  it('rejects a type whose GraphQL name is built into the API', () => {
    expect(problemsOf({ ...type('date'), ...type('pageInfo'), ...type('record') })).toEqual([
      'date.yaml: name: "date" is reserved: the API has a built-in type Date',
      'pageInfo.yaml: name: "pageInfo" is reserved: the API has a built-in type PageInfo',
      'record.yaml: name: "record" is reserved: the API has a built-in type Record',
    ]);
  });

  it('rejects a type named like a type generated for another one', () => {
    expect(problemsOf({ ...type('patient'), ...type('patientConnection') })).toEqual([
      'patientConnection.yaml: name: GraphQL type PatientConnection clashes with the Connection type of patient (patient.yaml)',
    ]);
  });

  it('rejects a type name or plural taken by a built-in query field', () => {
    expect(problemsOf({ ...type('myFollowUp') })).toEqual(['myFollowUp.yaml: plural: "myFollowUps" is a built-in query field']);
  });

  it('rejects a link table named like another table', () => {
    expect(
      problemsOf({
        ...type('company', 'fields:\n  industries: { type: references, target: industry }'),
        ...type('industry'),
        ...type('companyIndustries'),
      }),
    ).toEqual([
      'company.yaml: fields.industries: link table "company_industries" clashes with the table of type ' +
        'companyIndustries (companyIndustries.yaml)',
    ]);
  });

  it('rejects two types with the same table name', () => {
    expect(problemsOf({ ...type('vatID'), ...type('vatId') })).toEqual([
      'vatId.yaml: name: table "vat_id" clashes with the table of type vatID (vatID.yaml)',
    ]);
  });

  it('does not report references to types given as unresolved', () => {
    const other = definitionOf('name: other\nfields:\n  x: { type: reference, target: broken }\n', 'other.yaml');
    expect(validateDefinitions([other]).map(String)).toEqual(['other.yaml: fields.x.target: unknown type "broken"']);
    expect(validateDefinitions([other], { unresolvedTypes: new Set(['broken']) })).toEqual([]);
  });

  it('rejects a renamedFrom that names something still defined, itself, or an old name already taken', () => {
    expect(
      problemsOf({
        ...type('company', 'plural: companies\nrenamedFrom: person\nfields:\n  name: { type: string, renamedFrom: name }\n  title: { type: string, renamedFrom: name }\n  label: { type: string, renamedFrom: caption }\n  header: { type: string, renamedFrom: caption }'),
        ...type('person', 'plural: people\nfields: {}'),
        ...type('firm', 'renamedFrom: client\nfields: {}'),
        ...type('shop', 'renamedFrom: client\nfields: {}'),
      }),
    ).toEqual([
      'company.yaml: renamedFrom: type "person" is still defined in person.yaml',
      'company.yaml: fields.name.renamedFrom: names the field itself',
      'company.yaml: fields.title.renamedFrom: field "name" is still defined',
      'company.yaml: fields.header.renamedFrom: field "label" is already renamed from "caption"',
      'shop.yaml: renamedFrom: type "firm" (firm.yaml) is already renamed from "client"',
    ]);
  });

  it('rejects a type whose table is one the engine owns', () => {
    expect(problemsOf(type('relataDefinitionVersion'))).toEqual([
      'relataDefinitionVersion.yaml: name: table "relata_definition_version" starts with "relata_", which the engine keeps for its own tables',
    ]);
  });
});

