import type { Queryable } from '../entities/database';
import { insertRows } from '../entities/insertRows';
import { ATTRIBUTE_DEFINITION_TABLE, RECORD_COLUMN, addressTableOf, attributeTableOf } from '../entities/traitTables';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { JOURNAL_ENTRY_MODEL } from '../metadata/traits/journalModel';
import { bulkInsert } from './bulkInsert';
import type { GeneratedRecord } from './generateRecords';
import { createPersona } from './persona';
import { createRandom, type Random } from './random';
import { sampleListKeys } from './sampleListKeys';
import { SUBJECTS } from './sampleWords';

/** Users the demo follow-ups belong to: `relata token --sub alice` sees hers at login. */
export const DEMO_USERS = ['alice', 'bob'] as const;

/** The attribute the demo data gives a history: a rating that changed over the years. */
const RATING = { name: 'rating', label: { en: 'Rating', de: 'Bewertung' }, type: 'choice', options: ['A', 'B', 'C'] };

const DAY = 86_400_000;

/**
 * Trait rows for generated records (issue 6, done when: companies with several addresses,
 * attribute histories, a journal with due follow-ups): addresses with one default per kind,
 * a rating attribute with one to three periods, and journal entries, a third of them with a
 * follow-up due around `now`. The same seed and day give the same rows.
 */
export async function seedTraitData(
  tx: Queryable,
  registry: MetadataRegistry,
  generated: ReadonlyMap<string, readonly GeneratedRecord[]>,
  seed: number,
  now: Date,
): Promise<Record<string, number>> {
  const random = createRandom(seed ^ 0x5eed);
  const inserted: Record<string, number> = {};
  for (const entity of registry.entities) {
    const records = generated.get(entity.name) ?? [];
    if (records.length === 0) continue;
    if (entity.traits.includes('addresses')) {
      inserted[addressTableOf(entity)] = await insertObjects(tx, addressTableOf(entity), addressRows(records, entity.addressKinds, random));
    }
    if (entity.traits.includes('attributes')) {
      await tx.query(
        `INSERT INTO ${ATTRIBUTE_DEFINITION_TABLE} (name, label, type, options) VALUES ($1, $2::jsonb, $3, $4::text[]) ON CONFLICT (name) DO NOTHING`,
        [RATING.name, JSON.stringify(RATING.label), RATING.type, RATING.options],
      );
      inserted[attributeTableOf(entity)] = await insertObjects(tx, attributeTableOf(entity), ratingRows(records, random, now));
    }
  }
  const journal = registry.entities.filter((e) => e.traits.includes('journal') && (generated.get(e.name)?.length ?? 0) > 0);
  if (journal.length > 0) {
    const entries = journal.flatMap((e) => journalRecords(e.name, generated.get(e.name)!, random, now));
    await bulkInsert(tx, registry, JOURNAL_ENTRY_MODEL.name, entries);
    inserted[JOURNAL_ENTRY_MODEL.name] = entries.length;
  }
  return inserted;
}

type Row = Record<string, unknown>;

function addressRows(records: readonly GeneratedRecord[], kinds: readonly string[], random: Random): Row[] {
  return records.flatMap((record) =>
    kinds.flatMap((kind, k) => {
      const count = k === 0 ? random.int(1, 2) : random.int(0, 1);
      return Array.from({ length: count }, (_, i) => {
        const place = createPersona(random);
        return { [RECORD_COLUMN]: record.id, kind, street: place.street, postal_code: place.postalCode, city: place.city, country: place.country, is_default: i === 0 };
      });
    }),
  );
}

function ratingRows(records: readonly GeneratedRecord[], random: Random, now: Date): Row[] {
  return records.flatMap((record) => {
    const periods = random.int(1, 3);
    const starts = Array.from({ length: periods }, (_, i) => isoDay(new Date(now.getTime() - (periods - i) * 365 * DAY + random.int(0, 60) * DAY)));
    return starts.map((start, i) => ({
      [RECORD_COLUMN]: record.id,
      name: RATING.name,
      value: JSON.stringify(random.pick(RATING.options)),
      valid_from: start,
      valid_to: starts[i + 1] ?? null,
    }));
  });
}

function journalRecords(type: string, records: readonly GeneratedRecord[], random: Random, now: Date): GeneratedRecord[] {
  const field = (name: string) => JOURNAL_ENTRY_MODEL.fields.find((f) => f.name === name)!;
  return records.flatMap((record) =>
    Array.from({ length: random.int(0, 3) }, () => {
      const followUp = random.chance(0.35);
      const values: Record<string, unknown> = {
        recordType: type,
        recordId: record.id,
        kind: random.pick(sampleListKeys(field('kind').list!)),
        type: random.pick(sampleListKeys(field('type').list!)),
        subject: random.pick(SUBJECTS),
        occurredAt: new Date(now.getTime() - random.int(1, 365) * DAY).toISOString(),
        recordedBy: random.pick(DEMO_USERS),
        followUpDone: false,
        ...(followUp && { followUpOwner: random.pick(DEMO_USERS), followUpDueAt: new Date(now.getTime() + random.int(-5, 10) * DAY).toISOString() }),
      };
      return { id: random.uuid(), values };
    }),
  );
}

/** Rows given as objects with the same keys, one column per key. */
function insertObjects(tx: Queryable, table: string, rows: readonly Row[]): Promise<number> {
  const names = Object.keys(rows[0] ?? {});
  return insertRows(tx, { table, columns: names.map((name) => ({ name })), rows: rows.map((row) => names.map((name) => row[name])) });
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
