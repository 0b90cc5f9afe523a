import type { Queryable } from '../entities/database';
import type { FieldError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { checkListValues } from '../resolvers/traits/checkListValues';
import { isUuid } from '../resolvers/validateInput';
import type { ImportCandidate } from './ImportCandidate';
import { idsByKey, idsByLooseKey, looseKey, type KeyField } from './importLookups';
import type { ImportRights } from './importRights';
import type { ImportColumn } from './mapHeaders';

/** Ids by key value as text. */
export type IdsByValue = ReadonlyMap<string, readonly string[]>;

/** What an import compares its rows with: the records stored before it, for the whole file. */
export interface ImportPlan {
  readonly registry: MetadataRegistry;
  readonly entity: EntityDefinition;
  readonly columns: readonly ImportColumn[];
  readonly upsertKey: KeyField | undefined;
  readonly rights: ImportRights;
  /** Loose keys (possible duplicates), each a list of fields. */
  readonly duplicateKeys: readonly (readonly FieldDefinition[])[];
}

/**
 * The stored records an import's rows refer to, update or collide with, looked up once for
 * the whole file before anything is written, one statement per kind (references per
 * column, upsert keys, each unique field, each loose key, master-list values). Every row is
 * thus checked against storage as it was before the import, whichever batch it is in, and a
 * dry run reports exactly what the import would; rows of the file are compared with each
 * other by line (RecordImporter). The batches are then checked in Node alone, so that one
 * batch is checked while the previous one is written.
 */
export class StoredMatches {
  private constructor(
    /** Per `reference` column index: the target ids by key; per reference field column: the ids that exist. */
    readonly references: ReadonlyMap<number, IdsByValue>,
    /** Stored records by upsert key (or by id, to refuse taken ids). */
    readonly existing: IdsByValue,
    /** Those of `existing` the importer may update. */
    readonly updatable: IdsByValue,
    readonly unique: ReadonlyMap<FieldDefinition, IdsByValue>,
    readonly lookalikes: ReadonlyMap<readonly FieldDefinition[], ReadonlyMap<string, string>>,
    private readonly listErrors: ReadonlyMap<number, readonly FieldError[]>,
  ) {}

  static async lookUp(db: Queryable, plan: ImportPlan, candidates: readonly ImportCandidate[]): Promise<StoredMatches> {
    const { entity, rights, upsertKey } = plan;
    const references = new Map<number, IdsByValue>();
    for (const [i, column] of plan.columns.entries()) {
      if (column.kind === 'reference') {
        const wanted = candidates.flatMap((c) => (c.referenceKeys?.has(i) ? [c.referenceKeys.get(i)] : []));
        references.set(i, await idsByKey(db, column.target, column.key, wanted, rights.readable));
      } else if (column.kind === 'field' && (column.field.type === 'reference' || column.field.type === 'references')) {
        const ids = candidates.flatMap((c) => [c.input[column.field.name]].flat().filter(isUuid));
        references.set(i, await idsByKey(db, plan.registry.get(column.field.target!), 'id', ids, rights.readable));
      }
    }
    const keyed = candidates.flatMap((c) => upsertKeyOf(plan, c) ?? []);
    const existing = await idsByKey(db, entity, upsertKey ?? 'id', keyed);
    const updatable = upsertKey === undefined ? existing : await idsByKey(db, entity, upsertKey, keyed, rights.updatable);
    const unique = new Map<FieldDefinition, IdsByValue>();
    for (const field of uniqueFieldsOf(plan)) {
      unique.set(field, await idsByKey(db, entity, field, candidates.flatMap((c) => uniqueValueOf(c, field) ?? [])));
    }
    const lookalikes = new Map<readonly FieldDefinition[], ReadonlyMap<string, string>>();
    for (const fields of plan.duplicateKeys) {
      const keys = candidates.flatMap((c) => looseKey(fields.map((f) => c.input[f.name])) ?? []);
      lookalikes.set(fields, await idsByLooseKey(db, entity, fields, keys, rights.readable));
    }
    // An update may keep a deactivated value its record holds: the record a row would update.
    const updates = (c: ImportCandidate) => (upsertKey === undefined ? undefined : updatable.get(String(upsertKeyOf(plan, c)))?.[0]);
    const checked = candidates.filter((c) => c.errors.length === 0);
    const errors = await checkListValues(db, entity, checked.map((c) => ({ input: c.input, id: updates(c) })));
    // By line, and only rows with a refused value: the rows themselves can go once checked.
    const listErrors = new Map(checked.flatMap((c, i) => (errors[i]!.length > 0 ? [[c.line, errors[i]!] as const] : [])));
    return new StoredMatches(references, existing, updatable, unique, lookalikes, listErrors);
  }

  /** The master-list values of the row that are not active (checked for the record it would update). */
  listErrorsOf(c: ImportCandidate): readonly FieldError[] {
    return this.listErrors.get(c.line) ?? [];
  }
}

/** The row's upsert key, or its id when the import has none (given ids must be free). */
export function upsertKeyOf(plan: Pick<ImportPlan, 'upsertKey'>, c: ImportCandidate): unknown {
  const key = plan.upsertKey;
  return key === undefined || key === 'id' ? c.id : c.input[key.name];
}

/** Unique fields checked against storage and the file: all but the upsert key and link lists. */
export function uniqueFieldsOf(plan: Pick<ImportPlan, 'entity' | 'upsertKey'>): FieldDefinition[] {
  return plan.entity.fields.filter((f) => f.unique && f !== plan.upsertKey && f.type !== 'references');
}

/** The value a row gives a unique field, as text to compare (undefined: none). */
export function uniqueValueOf(c: ImportCandidate, field: FieldDefinition): string | undefined {
  const value = c.input[field.name];
  return value === undefined || value === null ? undefined : String(value);
}
