import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { SeedGenerationError } from './SeedGenerationError';

/**
 * The order in which types are generated and inserted: every type after the types its
 * required references point at and, where cycles allow, after those its optional
 * references point at too. A reference to a type that comes later (a cycle broken at an
 * optional field) stays empty in seeded data. Ties go by name, so the order is stable.
 * Throws `SeedGenerationError` when required references form a cycle.
 */
export function seedOrder(registry: MetadataRegistry): readonly EntityDefinition[] {
  const remaining = new Map(registry.entities.map((e) => [e.name, e]));
  const placed = new Set<string>();
  const order: EntityDefinition[] = [];
  while (remaining.size > 0) {
    let best: { entity: EntityDefinition; missingOptional: number } | undefined;
    for (const entity of remaining.values()) {
      const deps = dependencies(entity);
      if (deps.required.some((d) => !placed.has(d))) continue;
      const missingOptional = deps.optional.filter((d) => !placed.has(d)).length;
      // registry.entities is sorted by name, so the first of equals wins.
      if (!best || missingOptional < best.missingOptional) best = { entity, missingOptional };
    }
    if (!best) {
      const names = [...remaining.keys()].sort();
      throw new SeedGenerationError(names.join(', '), undefined, 'required references form a cycle');
    }
    order.push(best.entity);
    placed.add(best.entity.name);
    remaining.delete(best.entity.name);
  }
  return order;
}

/** Other types (not itself) that `entity` references, split by whether the field is required. */
function dependencies(entity: EntityDefinition): { required: string[]; optional: string[] } {
  const required: string[] = [];
  const optional: string[] = [];
  for (const field of entity.fields) {
    if ((field.type !== 'reference' && field.type !== 'references') || !field.target) continue;
    if (field.target === entity.name) continue;
    (field.required ? required : optional).push(field.target);
  }
  return { required, optional };
}
