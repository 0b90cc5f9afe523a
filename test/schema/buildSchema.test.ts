import { lexicographicSortSchema, printSchema, type GraphQLObjectType } from 'graphql';
import { AccessPolicy } from '../../src/access/AccessPolicy';
import { BUILT_IN_ROOT_FIELDS, RESERVED_TYPE_NAMES } from '../../src/metadata/reservedNames';
import { resolverFactory } from '../../src/resolvers/resolverFactory';
import { TRAITS } from '../../src/metadata/traits';
import { buildSchema } from '../../src/schema/buildSchema';
import { registryOf, sampleRegistry } from '../support/registries';

const sdl = (registry: ReturnType<typeof sampleRegistry>) => printSchema(lexicographicSortSchema(buildSchema(registry, resolverFactory, TRAITS)));

describe('buildSchema', () => {
  it('prints the schema of the sample definitions as recorded (golden SDL)', () => {
    expect(sdl(sampleRegistry())).toMatchSnapshot();
  });

  it('is deterministic: the same definitions give the same SDL', () => {
    expect(sdl(sampleRegistry())).toBe(sdl(sampleRegistry()));
  });

  it('generates the contract names for a type and its plural', () => {
    const schema = buildSchema(
      registryOf({ 'patient.yaml': 'name: patient\nfields:\n  lastName: { type: string, required: true }\n' }),
      resolverFactory,
      TRAITS,
    );
    const builtInQueries = ['auditEntries', 'exportPersonalData', 'masterList', 'metadata', 'previewSelection', 'runSelection', 'selection', 'selections', 'snapshot'];
    const builtInMutations = [
      'addListValue',
      'createSelection',
      'deactivateListValue',
      'deleteSelection',
      'erasePersonalData',
      'exportRecords',
      'importRecords',
      'snapshotSelection',
      'updateListValue',
      'updateSelection',
    ];
    expect(Object.keys(schema.getQueryType()!.getFields()).sort()).toEqual([...builtInQueries, 'patient', 'patients'].sort());
    expect(Object.keys(schema.getMutationType()!.getFields()).sort()).toEqual(
      [...builtInMutations, 'createPatient', 'deletePatient', 'updatePatient'].sort(),
    );
    for (const name of ['Patient', 'PatientConnection', 'PatientEdge', 'PatientWhere', 'PatientOrderBy', 'PatientCreateInput', 'PatientUpdateInput', 'PageInfo', 'Record']) {
      expect(schema.getType(name)).toBeDefined();
    }
    const patient = schema.getType('Patient') as GraphQLObjectType;
    expect(patient.getInterfaces().map((i) => i.name)).toEqual(['Record']);
    expect(String(patient.getFields().lastName!.type)).toBe('String!');
  });

  it('offers selections and export to every role that reads a type, import to those that create or update one', () => {
    const registry = registryOf({
      'deal.yaml': 'name: deal\ntraits: [owned]\nfields:\n  name: { type: string }\n',
      'roles.yaml': 'roles:\n  seller: { permissions: { deal: { read: own, update: own } } }\n  viewer: { permissions: { deal: { read: own } } }\n  nobody: { permissions: {} }\n',
    });
    const rootFields = (roles: string[]) => {
      const schema = buildSchema(registry, resolverFactory, TRAITS, AccessPolicy.of(registry, roles));
      return [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()?.getFields() ?? {})];
    };
    const selections = ['selections', 'runSelection', 'previewSelection', 'snapshot', 'createSelection', 'snapshotSelection', 'exportRecords'];
    expect(rootFields(['seller'])).toEqual(expect.arrayContaining([...selections, 'importRecords']));
    expect(rootFields(['viewer'])).toEqual(expect.arrayContaining(selections));
    expect(rootFields(['viewer'])).not.toContain('importRecords');
    expect(rootFields(['nobody']).filter((f) => [...selections, 'importRecords'].includes(f))).toEqual([]);
  });

  it('reserves every built-in type and query name it serves, so that no definition can take one', () => {
    const yaml = 'name: patient\ntraits: [addresses, journal, attributes]\naddressKinds: [home]\nfields:\n  lastName: { type: string }\n  tariff: { type: string, temporal: true }\n';
    const schema = buildSchema(registryOf({ 'patient.yaml': yaml }), resolverFactory, TRAITS);
    // The generated types of patient and of journalEntry, the type the journal trait adds.
    const generated = /^(Patient|JournalEntry)(Connection|Edge|Where|OrderBy|CreateInput|UpdateInput|ToManyFilter|TariffPeriod)?$/;
    const builtIn = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__') && !generated.test(name));
    expect(builtIn.filter((name) => !RESERVED_TYPE_NAMES.has(name))).toEqual([]);
    const queries = Object.keys(schema.getQueryType()!.getFields()).filter((name) => !name.startsWith('patient'));
    expect(queries.filter((name) => !BUILT_IN_ROOT_FIELDS.has(name))).toEqual([]);
  });

  it('maps every field type to its GraphQL scalar', () => {
    const schema = buildSchema(
      registryOf({
        'thing.yaml': `name: thing
fields:
  s: { type: string }
  t: { type: text }
  i: { type: integer }
  d: { type: decimal }
  m: { type: money }
  b: { type: boolean }
  da: { type: date }
  dt: { type: datetime }
  e: { type: email }
  p: { type: phone }
  u: { type: url }
  c: { type: choice, options: [x, y] }
  mc: { type: multiChoice, options: [x, y] }
  r: { type: reference, target: thing, inverse: things }
  rs: { type: references, target: thing }
  j: { type: json }
`,
      }),
      resolverFactory,
      TRAITS,
    );
    const fields = (schema.getType('Thing') as GraphQLObjectType).getFields();
    const types = Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, String(f.type)]));
    expect(types).toEqual({
      id: 'ID!', version: 'Int!', createdAt: 'DateTime!', updatedAt: 'DateTime!',
      s: 'String', t: 'String', i: 'Int', d: 'Decimal', m: 'Money', b: 'Boolean', da: 'Date', dt: 'DateTime',
      e: 'EmailAddress', p: 'String', u: 'URL', c: 'String', mc: '[String!]', r: 'Thing', history: 'AuditEntryConnection!',
      rs: 'ThingConnection!', j: 'JSON', things: 'ThingConnection!',
    });
  });
});
