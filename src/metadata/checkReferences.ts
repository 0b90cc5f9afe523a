import { didYouMean } from './closestName';
import { MetadataError } from './MetadataError';
import { reservedFieldReason } from './reservedNames';
import type { EntityDefinition } from './types';

/**
 * References across files (contract section 2): every `target` names a known type, and every
 * `inverse` is a free field name on the target (not one of its fields, not a reserved name,
 * not another reference's inverse). Targets in `unresolved` (types whose file failed to parse)
 * are not reported again.
 */
export function checkReferences(
  definitions: readonly EntityDefinition[],
  unresolved: ReadonlySet<string> = new Set(),
): MetadataError[] {
  const problems: MetadataError[] = [];
  const byName = new Map<string, EntityDefinition>();
  for (const definition of definitions) if (!byName.has(definition.name)) byName.set(definition.name, definition);
  /** Inverse names taken so far, per target type: `company` -> `people` -> `person.yaml#fields.company`. */
  const inverses = new Map<string, Map<string, string>>();

  for (const definition of definitions) {
    for (const field of definition.fields) {
      if (field.target === undefined) continue;
      const at = `fields.${field.name}`;
      const target = byName.get(field.target);
      if (!target) {
        if (!unresolved.has(field.target)) {
          const hint = didYouMean(field.target, byName.keys());
          problems.push(new MetadataError(definition.file, `${at}.target`, `unknown type "${field.target}"${hint}`));
        }
        continue;
      }
      if (field.inverse === undefined) continue;
      const inverse = field.inverse;
      const report = (reason: string) => problems.push(new MetadataError(definition.file, `${at}.inverse`, reason));
      const taken = inverses.get(target.name) ?? new Map<string, string>();
      inverses.set(target.name, taken);
      const source = `${definition.file}#${at}`;

      const temporal = target.fields.filter((candidate) => candidate.temporal).map((candidate) => candidate.name);
      const reserved = reservedFieldReason(inverse, target.traits, temporal);
      const previous = taken.get(inverse);
      if (reserved !== undefined) {
        report(`"${inverse}" on type ${target.name} ${reserved}`);
      } else if (target.fields.some((candidate) => candidate.name === inverse)) {
        report(`"${inverse}" clashes with field ${inverse} of type ${target.name} (${target.file}#fields.${inverse})`);
      } else if (previous !== undefined) {
        report(`"${inverse}" is already the inverse of ${previous} on type ${target.name}`);
      } else {
        taken.set(inverse, source);
      }
    }
  }
  return problems;
}
