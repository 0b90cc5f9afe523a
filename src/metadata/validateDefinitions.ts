import { checkReferences } from './checkReferences';
import { checkRenames } from './checkRenames';
import { checkTableNames } from './checkTableNames';
import { checkTypeNames } from './checkTypeNames';
import type { MetadataError } from './MetadataError';
import type { EntityDefinition } from './types';

export interface ValidateDefinitionsOptions {
  /**
   * Types whose file exists but failed to parse: references to them are not reported as
   * unknown, since that file's own problems already explain them.
   */
  readonly unresolvedTypes?: ReadonlySet<string>;
}

/**
 * The cross-file checks of a definition set (contract sections 2, 3, 5): type names and
 * plurals, references and inverses, table names, and `renamedFrom`. Returns every problem; an empty list
 * means the set may become a `MetadataRegistry`.
 */
export function validateDefinitions(
  definitions: readonly EntityDefinition[],
  options: ValidateDefinitionsOptions = {},
): MetadataError[] {
  return [
    ...checkTypeNames(definitions),
    ...checkReferences(definitions, options.unresolvedTypes),
    ...checkTableNames(definitions),
    ...checkRenames(definitions),
  ];
}
