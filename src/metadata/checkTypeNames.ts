import { MetadataError } from './MetadataError';
import { pascalCase } from './casing';
import { BUILT_IN_ROOT_FIELDS, GENERATED_TYPE_SUFFIXES, RESERVED_TYPE_NAMES } from './reservedNames';
import type { EntityDefinition } from './types';

/**
 * Type names across files (contract section 3): no duplicates, plurals distinct from every
 * other name and plural, no GraphQL type or root field the API defines itself, and no type
 * named like another type's generated `...Connection`, `...Where`, ... type.
 */
export function checkTypeNames(definitions: readonly EntityDefinition[]): MetadataError[] {
  const problems: MetadataError[] = [];
  const report = (definition: EntityDefinition, path: string, reason: string) =>
    problems.push(new MetadataError(definition.file, path, reason));
  const byName = new Map<string, EntityDefinition>();
  const byPlural = new Map<string, EntityDefinition>();
  const duplicates = new Set<EntityDefinition>();
  for (const definition of definitions) {
    const first = byName.get(definition.name);
    if (!first) {
      byName.set(definition.name, definition);
      continue;
    }
    duplicates.add(definition);
    report(definition, 'name', `type "${definition.name}" is already defined in ${first.file}`);
  }
  const unique = definitions.filter((definition) => !duplicates.has(definition));
  const byTypeName = new Map(unique.map((definition) => [pascalCase(definition.name), definition]));

  for (const definition of unique) {
    const { name, plural } = definition;

    const typeName = pascalCase(name);
    if (RESERVED_TYPE_NAMES.has(typeName)) {
      report(definition, 'name', `"${name}" is reserved: the API has a built-in type ${typeName}`);
    } else if (BUILT_IN_ROOT_FIELDS.has(name)) {
      report(definition, 'name', `"${name}" is a built-in query field`);
    }
    if (BUILT_IN_ROOT_FIELDS.has(plural)) report(definition, 'plural', `"${plural}" is a built-in query field`);
    for (const suffix of GENERATED_TYPE_SUFFIXES) {
      if (!typeName.endsWith(suffix)) continue;
      const owner = byTypeName.get(typeName.slice(0, -suffix.length));
      if (owner && owner !== definition) {
        const reason = `GraphQL type ${typeName} clashes with the ${suffix} type of ${owner.name} (${owner.file})`;
        report(definition, 'name', reason);
      }
    }
  }

  for (const definition of unique) {
    const { plural } = definition;
    const named = byName.get(plural);
    const earlier = byPlural.get(plural);
    if (named && named !== definition) {
      report(definition, 'plural', `"${plural}" is also the name of type ${named.name} (${named.file})`);
    } else if (earlier) {
      report(definition, 'plural', `"${plural}" is also the plural of type ${earlier.name} (${earlier.file})`);
    }
    if (!earlier) byPlural.set(plural, definition);
  }
  return problems;
}
