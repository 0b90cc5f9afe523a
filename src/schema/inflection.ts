import { pascalCase } from '../metadata/casing';
import type { EntityDefinition } from '../metadata/types';

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
} as const;
