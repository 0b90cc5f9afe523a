import { MetadataError } from './MetadataError';
import type { EntityDefinition } from './types';

/**
 * `renamedFrom` on types and fields (contract section 2, issue 4): it names what the type or
 * field was called before, so it must differ from every name still defined next to it,
 * and two definitions cannot both continue the same old one.
 */
export function checkRenames(definitions: readonly EntityDefinition[]): MetadataError[] {
  const problems: MetadataError[] = [];
  const types = new Map(definitions.map((d) => [d.name, d]));
  const claimedTypes = new Map<string, EntityDefinition>();
  for (const definition of definitions) {
    const old = definition.renamedFrom;
    if (old !== undefined) {
      const still = types.get(old);
      const claimed = claimedTypes.get(old);
      if (still) problems.push(new MetadataError(definition.file, 'renamedFrom', still === definition ? 'names the type itself' : `type "${old}" is still defined in ${still.file}`));
      else if (claimed) problems.push(new MetadataError(definition.file, 'renamedFrom', `type "${claimed.name}" (${claimed.file}) is already renamed from "${old}"`));
      else claimedTypes.set(old, definition);
    }
    const claimedFields = new Map<string, string>();
    for (const field of definition.fields) {
      const from = field.renamedFrom;
      if (from === undefined) continue;
      const path = `fields.${field.name}.renamedFrom`;
      if (from === field.name) problems.push(new MetadataError(definition.file, path, 'names the field itself'));
      else if (definition.fields.some((f) => f.name === from)) problems.push(new MetadataError(definition.file, path, `field "${from}" is still defined`));
      else if (claimedFields.has(from)) problems.push(new MetadataError(definition.file, path, `field "${claimedFields.get(from)}" is already renamed from "${from}"`));
      else claimedFields.set(from, field.name);
    }
  }
  return problems;
}
