import { pascalCase } from '../metadata/casing';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';

/** Every generated GraphQL name comes from here (contract section 3). */
export const inflection = {
  typeName: (e: Pick<EntityDefinition, 'name'>) => pascalCase(e.name),
  whereType: (e: Pick<EntityDefinition, 'name'>) => `${pascalCase(e.name)}Where`,
  orderByType: (e: Pick<EntityDefinition, 'name'>) => `${pascalCase(e.name)}OrderBy`,
  connectionType: (e: Pick<EntityDefinition, 'name'>) => `${pascalCase(e.name)}Connection`,
  edgeType: (e: Pick<EntityDefinition, 'name'>) => `${pascalCase(e.name)}Edge`,
  toManyFilterType: (e: Pick<EntityDefinition, 'name'>) => `${pascalCase(e.name)}ToManyFilter`,
  createInputType: (e: Pick<EntityDefinition, 'name'>) => `${pascalCase(e.name)}CreateInput`,
  updateInputType: (e: Pick<EntityDefinition, 'name'>) => `${pascalCase(e.name)}UpdateInput`,
  singleQuery: (e: Pick<EntityDefinition, 'name'>) => e.name,
  listQuery: (e: Pick<EntityDefinition, 'plural'>) => e.plural,
  createMutation: (e: Pick<EntityDefinition, 'name'>) => `create${pascalCase(e.name)}`,
  updateMutation: (e: Pick<EntityDefinition, 'name'>) => `update${pascalCase(e.name)}`,
  deleteMutation: (e: Pick<EntityDefinition, 'name'>) => `delete${pascalCase(e.name)}`,
  reassignMutation: (e: Pick<EntityDefinition, 'name'>) => `reassign${pascalCase(e.name)}`,
  /** Contract section 6: `add<Type>Address`. */
  addAddressMutation: (e: Pick<EntityDefinition, 'name'>) => `add${pascalCase(e.name)}Address`,
  /** Contract section 6: `<field>History: [<Type><Field>Period!]!`. */
  historyField: (f: Pick<FieldDefinition, 'name'>) => `${f.name}History`,
  periodType: (e: Pick<EntityDefinition, 'name'>, f: Pick<FieldDefinition, 'name'>) => `${pascalCase(e.name)}${pascalCase(f.name)}Period`,
} as const;

/** Names of the types and root fields of the built-in capabilities (contract section 6). */
export const traitNames = {
  address: 'Address',
  addressInput: 'AddressInput',
  addressUpdateInput: 'AddressUpdateInput',
  masterList: 'MasterList',
  listValue: 'ListValue',
  listValueInput: 'ListValueInput',
  listValueUpdateInput: 'ListValueUpdateInput',
  journalEntryInput: 'JournalEntryInput',
  followUpInput: 'FollowUpInput',
  followUpDue: 'FollowUpDue',
  absence: 'Absence',
  absenceInput: 'AbsenceInput',
  recordLink: 'RecordLink',
  attributeValue: 'AttributeValue',
  attributeDefinition: 'AttributeDefinition',
  attributeDefinitionInput: 'AttributeDefinitionInput',
} as const;
