import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';

/** The type that the seed sizes everything else by. */
export const ANCHOR_TYPE = 'company';

/**
 * How many records each type gets when seeding `companies` companies:
 * - `company` itself: `companies`;
 * - a type with a reference to company that has an inverse (person -> company, "people"): 3x;
 * - `employee`, or any type that only company points at (apart from itself): max(5, ceil(companies / 20));
 * - every other type: ceil(companies / 2);
 * - a trait's built-in type (journalEntry): none.
 */
export function seedCounts(registry: MetadataRegistry, companies: number): Record<string, number> {
  const n = Math.max(0, Math.floor(companies));
  const anchor = registry.find(ANCHOR_TYPE);
  const counts: Record<string, number> = {};
  for (const entity of registry.entities) {
    if (entity.builtIn) counts[entity.name] = 0; // written by its trait's own seeding
    else if (entity === anchor) counts[entity.name] = n;
    else if (anchor && belongsToAnchor(entity)) counts[entity.name] = 3 * n;
    else if (entity.name === 'employee' || (anchor && onlyAnchorTargets(registry, entity))) {
      counts[entity.name] = Math.max(5, Math.ceil(n / 20));
    } else counts[entity.name] = Math.ceil(n / 2);
  }
  return counts;
}

function belongsToAnchor(entity: EntityDefinition): boolean {
  return entity.fields.some((f) => (f.type === 'reference' || f.type === 'references') && f.target === ANCHOR_TYPE && f.inverse);
}

/** Company references it, and no type other than company and itself does. */
function onlyAnchorTargets(registry: MetadataRegistry, entity: EntityDefinition): boolean {
  const referrers = new Set(
    registry.entities
      .filter((source) => source.fields.some((f) => (f.type === 'reference' || f.type === 'references') && f.target === entity.name))
      .map((source) => source.name),
  );
  referrers.delete(entity.name);
  return referrers.has(ANCHOR_TYPE) && referrers.size === 1;
}
