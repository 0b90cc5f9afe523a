/** The metadata layer: definition files to a validated, frozen `MetadataRegistry` (contract section 2). */
export * from './types';
export type { DefinitionSource } from './DefinitionSource';
export { MetadataError, InvalidDefinitionsError } from './MetadataError';
export { MetadataRegistry } from './MetadataRegistry';
export { readDefinitions } from './readDefinitions';
export { parseDefinition, type ParsedDefinition } from './parseDefinition';
export { validateDefinitions, type ValidateDefinitionsOptions } from './validateDefinitions';
export { checkDefinitions, loadDefinitionSet, loadDefinitions, type CheckedDefinitions } from './loadDefinitions';
export { CAMEL_CASE, MAX_SQL_IDENTIFIER_LENGTH, humanise, typeNameOfFile } from './naming';
export { pascalCase, snakeCase } from './casing';
export {
  BUILT_IN_FIELDS,
  BUILT_IN_ROOT_FIELDS,
  GENERATED_TYPE_SUFFIXES,
  RESERVED_TYPE_NAMES,
  TRAIT_FIELDS,
  reservedFieldReason,
} from './reservedNames';
export { FIELD_OPTION_TYPES, optionApplies } from './fieldOptionRules';
export * from './roles/RoleDefinition';
export { ROLES_FILE } from './roles/parseRoles';
