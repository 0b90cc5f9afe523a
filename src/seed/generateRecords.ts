import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { constrainedValue, fieldConstraints, type FieldConstraints } from './constrainedValue';
import { entityKind } from './entityKind';
import { createPersona } from './persona';
import { createRandom, type Random } from './random';
import { SeedGenerationError } from './SeedGenerationError';
import { SAMPLE_OWNERSHIP } from './sampleOwnership';
import { seedOrder } from './seedOrder';
import type { ValueContext } from './ValueContext';

/** One record to insert: its id and a value per field, keyed by field name (not column). */
export interface GeneratedRecord {
  readonly id: string;
  /** `reference` fields hold the target's id, `references` fields an array of ids. */
  readonly values: Record<string, unknown>;
}

/**
 * Plausible records for any definition set (contract section 2), the same for the same
 * seed: `counts` records per type (types not named get none). Pure: no clock, no I/O.
 *
 * The map lists types in insertion order (`seedOrder`): a reference always points at a
 * record generated before it, a self-reference at an earlier record of the same type, and
 * an optional reference that would point forward (a cycle) stays empty. Required fields are
 * always set, optional ones are sometimes null (or their default); `unique`, `maxLength`,
 * `pattern`, `min`/`max` and `options`/`list` are honoured, else `SeedGenerationError`.
 */
export function generateRecords(
  registry: MetadataRegistry,
  counts: Readonly<Record<string, number>>,
  seed: number,
): Map<string, GeneratedRecord[]> {
  for (const name of Object.keys(counts)) {
    if (!registry.find(name)) throw new SeedGenerationError(name, undefined, 'is not a type of the definitions');
  }
  const random = createRandom(seed);
  const ids = new Set<string>();
  const result = new Map<string, GeneratedRecord[]>();
  for (const entity of seedOrder(registry)) {
    const count = Math.max(0, Math.floor(counts[entity.name] ?? 0));
    result.set(entity.name, generateType(entity, count, { random, ids, generated: result }));
  }
  return result;
}

interface GenerationState {
  readonly random: Random;
  /** Every id handed out, so that ids are unique across types. */
  readonly ids: Set<string>;
  /** The types generated so far. */
  readonly generated: ReadonlyMap<string, readonly GeneratedRecord[]>;
}

function generateType(entity: EntityDefinition, count: number, state: GenerationState): GeneratedRecord[] {
  const { random } = state;
  const kind = entityKind(entity);
  const constraints = new Map<string, FieldConstraints>(
    entity.fields.filter((f) => !isRelation(f) && !f.managedBy).map((f) => [f.name, fieldConstraints(f)]),
  );
  const records: GeneratedRecord[] = [];
  for (let index = 0; index < count; index++) {
    const id = newId(state);
    const ctx: ValueContext = { entity, kind, index, persona: createPersona(random), random };
    const values: Record<string, unknown> = {};
    for (const field of entity.fields) {
      if (field.managedBy === 'owned') {
        values[field.name] = random.pick(SAMPLE_OWNERSHIP[field.name] ?? []);
      } else if (isRelation(field)) {
        const targets = field.target === entity.name ? records : state.generated.get(field.target ?? '');
        values[field.name] = relationValue(entity, field, targets ?? [], id, random);
      } else if (!field.required && random.chance(emptyShare(field, ctx))) {
        values[field.name] = defaultOrNull(field);
      } else {
        values[field.name] = constrainedValue(entity, constraints.get(field.name) as FieldConstraints, ctx);
      }
    }
    records.push({ id, values });
  }
  return records;
}

function isRelation(field: FieldDefinition): boolean {
  return field.type === 'reference' || field.type === 'references';
}

function newId({ random, ids }: GenerationState): string {
  let id = random.uuid();
  while (ids.has(id)) id = random.uuid();
  ids.add(id);
  return id;
}

/**
 * A target id (`reference`) or up to three distinct ones (`references`), drawn from the
 * records available. A required self-reference of the very first record points at itself.
 */
function relationValue(
  entity: EntityDefinition,
  field: FieldDefinition,
  targets: readonly GeneratedRecord[],
  ownId: string,
  random: Random,
): string | string[] | null {
  const many = field.type === 'references';
  if (targets.length === 0) {
    if (!field.required) return many ? [] : null;
    if (field.target === entity.name) return many ? [ownId] : ownId;
    throw new SeedGenerationError(entity.name, field.name, `required, but no ${field.target ?? '?'} records are generated`);
  }
  if (many) return random.pickSome(targets, field.required ? 1 : 0, 3).map((t) => t.id);
  // Relations are always filled when there is something to point at: a CRM's companies each
  // have a sales rep, its persons a company (the benchmark data of issue 3 relies on it).
  return random.pick(targets).id;
}

/** How often an optional field stays empty: academic titles are rare, free text often missing. */
function emptyShare(field: FieldDefinition, { kind }: ValueContext): number {
  if (kind === 'person' && field.name === 'title') return 0.8;
  if (field.type === 'text') return 0.35;
  return 0.1;
}

function defaultOrNull(field: FieldDefinition): unknown {
  const value = field.default;
  if (value === undefined || value === null || field.unique) return null;
  return Array.isArray(value) ? [...(value as readonly string[])] : value;
}
