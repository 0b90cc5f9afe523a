import { randomUUID } from 'node:crypto';
import type { Queryable } from '../entities/database';
import { prepareRows, sendRows, type PreparedRows } from '../entities/insertRows';
import { BadUserInputError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { temporalFieldsOf } from '../metadata/traits/historyModel';
import { writePeriods, type PeriodWrite } from '../resolvers/temporalPeriods';
import { isUuid, validateInput } from '../resolvers/validateInput';
import { inflection } from '../schema/inflection';
import { recordRows } from '../seed/bulkInsert';
import { createdAuditRows } from './auditImport';
import { cellValue } from './cellValue';
import type { ImportCandidate as Candidate } from './ImportCandidate';
import { looseKey, type KeyField } from './importLookups';
import type { ImportMode, ImportRowError, PossibleDuplicate } from './ImportReport';
import type { ImportRights, RowProblem } from './importRights';
import type { ListValueKeys } from './ListValueKeys';
import { VALID_FROM, type ImportColumn } from './mapHeaders';
import type { CsvRow } from './readCsv';
import { StoredMatches, uniqueFieldsOf, uniqueValueOf, upsertKeyOf, type ImportPlan } from './StoredMatches';
import { updateRecords, type RecordUpdate } from './updateRecords';

/** The writes of one batch's good rows, prepared in Node (COPY text formatted) before they are sent. */
export interface BatchWrite {
  readonly rows: number;
  readonly inserts: readonly PreparedRows[];
  readonly updates: readonly RecordUpdate[];
  readonly periods: readonly PeriodWrite[];
}

/**
 * Imports CSV rows into one type with the API's own validation (`validateInput`), references
 * resolved by a key of their target, unique values and upsert keys checked against storage
 * and the rest of the file, master-list values checked as the API checks them (labels read
 * as their keys), possible duplicates noted. What the file matches in storage is looked up
 * once, before the first batch (`lookUp`, StoredMatches); then batch by batch `check` finds
 * the good rows in Node alone and prepares their writes, and `write` sends them: new records
 * and their audit entries by COPY, one UPDATE per batch for existing ones, temporal values
 * as periods (`writePeriods`, as `create<Type>`/`update<Type>` write them). What the
 * importer may touch is decided by `rights` (importRights.ts).
 */
export class RecordImporter {
  readonly errors: ImportRowError[] = [];
  readonly duplicates: PossibleDuplicate[] = [];
  inserted = 0;
  updated = 0;
  skipped = 0;
  /** Rows written so far (none in a dry run, none after a bad row in all-or-nothing). */
  written = 0;
  private writing: boolean;
  private stored: StoredMatches | undefined;
  private readonly plan: ImportPlan;
  private readonly seenValues = new Map<string, Map<string, number>>();
  private readonly seenLookalikes = new Map<readonly FieldDefinition[], Map<string, number>>();
  private readonly headerOf = new Map<string, string>();
  private readonly temporalFields: readonly FieldDefinition[];
  private readonly defaulted: readonly FieldDefinition[];
  private readonly today = new Date().toISOString().slice(0, 10);

  constructor(
    registry: MetadataRegistry,
    private readonly entity: EntityDefinition,
    private readonly columns: readonly ImportColumn[],
    upsertKey: KeyField | undefined,
    private readonly mode: ImportMode,
    private readonly rights: ImportRights,
    private readonly listKeys: ListValueKeys,
  ) {
    this.writing = mode !== 'DRY_RUN';
    for (const c of columns) {
      if (c.kind === 'field' || c.kind === 'reference') this.headerOf.set(c.field.name, c.header);
      else if (c.kind === 'validFrom') this.headerOf.set(VALID_FROM.name, c.header);
    }
    this.plan = { registry, entity, columns, upsertKey, rights, duplicateKeys: duplicateKeysOf(entity) };
    this.temporalFields = temporalFieldsOf(entity);
    this.defaulted = entity.fields.filter((f) => f.default !== undefined);
  }

  /** Cells to values, for every row of the file: no database work. */
  read(rows: readonly CsvRow[]): Candidate[] {
    return rows.map((row) => this.readRow(row));
  }

  /** Looks up what the file's rows match in storage (StoredMatches), before the first batch. */
  async lookUp(db: Queryable, candidates: readonly Candidate[]): Promise<void> {
    this.stored = await StoredMatches.lookUp(db, this.plan, candidates);
  }

  /**
   * Checks one batch of rows (read by `read`, after `lookUp`) in Node alone and returns the
   * writes of its good rows, COPY text formatted for `db`; undefined when nothing is written.
   */
  async check(db: Queryable, candidates: readonly Candidate[]): Promise<BatchWrite | undefined> {
    const stored = this.stored;
    if (!stored) throw new Error('RecordImporter.check before lookUp');
    // Between steps the event loop runs: it feeds PostgreSQL the previous batch's COPY meanwhile.
    this.resolveReferences(candidates, stored);
    this.matchExisting(candidates, stored);
    for (const c of candidates) if (c.errors.length === 0) this.admit(c);
    for (const c of candidates) this.checkValidFrom(c);
    this.checkLists(candidates, stored);
    await ioTurn();
    for (const c of candidates) if (c.errors.length === 0) this.validate(c);
    await ioTurn();
    this.checkUnique(candidates, stored);
    const good = candidates.filter((c) => c.errors.length === 0);
    this.noteDuplicates(good.filter((c) => !c.existing), stored);
    const bad = candidates.length - good.length;
    for (const c of candidates) this.errors.push(...c.errors);
    if (bad > 0 && this.mode === 'ALL_OR_NOTHING') this.writing = false;
    this.skipped += bad;
    const inserts = good.filter((c) => !c.existing);
    const updates = good.filter((c) => c.existing);
    this.inserted += inserts.length;
    this.updated += updates.length;
    if (!this.writing || good.length === 0) return undefined;
    const created = inserts.map((c) => ({ id: (c.id ??= randomUUID()), values: this.storedValues(c, true) }));
    const tables = recordRows(this.entity, created);
    await ioTurn();
    const audit = createdAuditRows(this.rights.viewer, this.entity, created);
    await ioTurn();
    const inserting: PreparedRows[] = [];
    for (const rows of [...tables, audit]) {
      inserting.push(prepareRows(db, rows));
      await ioTurn();
    }
    const batch = {
      rows: good.length,
      inserts: inserting,
      updates: updates.map((c): RecordUpdate => ({ id: c.existing!, values: this.storedValues(c, false) })),
      periods: good.flatMap((c) => this.periodsOf(c)),
    };
    // A large file's rows stay in memory until the end: what only the check needed goes now.
    for (const c of candidates) c.values = undefined;
    return batch;
  }

  /** Sends a batch's writes (`check`); the records before their link rows. */
  async write(db: Queryable, batch: BatchWrite): Promise<void> {
    for (const rows of batch.inserts) await sendRows(db, rows);
    await updateRecords(db, this.rights.viewer, this.entity, batch.updates);
    await writePeriods(db, this.entity, batch.periods);
    this.written += batch.rows;
  }

  private readRow(row: CsvRow): Candidate {
    const candidate: Candidate = { line: row.line, input: {}, errors: [] };
    const { cells } = row;
    for (let i = this.columns.length; i < cells.length; i++) {
      if (cells[i]!.trim() === '') continue;
      candidate.errors.push({ line: row.line, column: null, message: `has ${cells.length} cells, the header ${this.columns.length}` });
      break;
    }
    for (let i = 0; i < this.columns.length; i++) {
      const column = this.columns[i]!;
      const cell = cells[i];
      if (column.kind === 'ignore' || cell === undefined || cell === '') continue;
      if (column.kind === 'id') {
        const id = cell.trim();
        if (isUuid(id)) candidate.id = id.toLowerCase();
        else if (id !== '') candidate.errors.push({ line: row.line, column: column.header, message: 'is not a valid id' });
        continue;
      }
      const result = cellValue(column.kind === 'reference' ? column.key : column.kind === 'validFrom' ? VALID_FROM : column.field, cell);
      if (result === undefined) continue;
      if ('error' in result) candidate.errors.push({ line: row.line, column: column.header, message: result.error });
      else if (column.kind === 'reference') (candidate.referenceKeys ??= new Map()).set(i, result.value);
      else if (column.kind === 'validFrom') candidate.validFrom = result.value as string;
      else candidate.input[column.field.name] = column.field.list ? this.listKeys.valueOf(column.field, result.value) : result.value;
    }
    return candidate;
  }

  /** `company.name` cells to ids (exactly one match each); given ids must exist. */
  private resolveReferences(candidates: readonly Candidate[], stored: StoredMatches): void {
    for (const [i, column] of this.columns.entries()) {
      const found = stored.references.get(i);
      if (!found) continue;
      if (column.kind === 'reference') {
        const target = inflection.typeName(column.target);
        for (const c of candidates) {
          if (!c.referenceKeys?.has(i)) continue;
          const key = String(c.referenceKeys.get(i));
          const ids = found.get(key) ?? [];
          if (ids.length === 1) c.input[column.field.name] = ids[0];
          else if (ids.length === 0) c.errors.push({ line: c.line, column: column.header, message: `no ${target} has ${column.key.name} "${key}"` });
          else c.errors.push({ line: c.line, column: column.header, message: `${ids.length} ${target} records have ${column.key.name} "${key}": use a unique key` });
        }
      } else if (column.kind === 'field') {
        for (const c of candidates) {
          const ids = [c.input[column.field.name]].flat().filter(isUuid);
          if (ids.some((id) => !found.has(id))) c.errors.push({ line: c.line, column: column.header, message: 'refers to a record that does not exist' });
        }
      }
    }
  }

  /** Finds the stored record each row updates (upsert key), and rows whose id is taken. */
  private matchExisting(candidates: readonly Candidate[], stored: StoredMatches): void {
    const key = this.plan.upsertKey;
    const header = key === undefined || key === 'id' ? 'id' : (this.headerOf.get(key.name) ?? key.name);
    const seen = this.seen('upsert key');
    for (const c of candidates) {
      const given = upsertKeyOf(this.plan, c);
      if (given === undefined) continue;
      const value = String(given);
      const earlier = seen.get(value);
      if (earlier !== undefined) c.errors.push({ line: c.line, column: header, message: `"${value}" is also on line ${earlier}` });
      else seen.set(value, c.line);
      const id = stored.existing.get(value)?.[0];
      if (id === undefined) continue;
      if (key === undefined) c.errors.push({ line: c.line, column: header, message: 'a record with this id exists: import with upsert key id to update it' });
      else if (!stored.updatable.get(value)?.includes(id)) c.errors.push({ line: c.line, column: header, message: this.rights.notUpdatable });
      else c.existing = id;
    }
  }

  /** New rows need create rights and get their owner (importRights); owner, team and area given are checked. */
  private admit(c: Candidate): void {
    const problems: RowProblem[] = c.existing ? this.rights.ownedProblems(c.input) : this.rights.admitNew(c.input);
    for (const p of problems) c.errors.push({ line: c.line, column: p.field === null ? null : (this.headerOf.get(p.field) ?? p.field), message: p.message });
  }

  /** A new record's temporal values cannot start after today: until then its columns would have no value. */
  private checkValidFrom(c: Candidate): void {
    if (c.existing || c.validFrom === undefined || c.validFrom <= this.today || !this.temporalFields.some((f) => c.input[f.name] !== undefined)) return;
    c.errors.push({ line: c.line, column: this.headerOf.get(VALID_FROM.name)!, message: "lies after today: a new record's values start today or earlier" });
  }

  /** List values must be active in their list, unless the updated record holds them: the API's check (StoredMatches). */
  private checkLists(candidates: readonly Candidate[], stored: StoredMatches): void {
    for (const c of candidates) {
      if (c.errors.length > 0) continue;
      for (const e of stored.listErrorsOf(c)) {
        const field = this.entity.fields.find((f) => f.name === e.field)!;
        c.errors.push({ line: c.line, column: this.headerOf.get(e.field) ?? e.field, message: `${e.message} (${this.listKeys.allowed(field)})` });
      }
    }
  }

  private validate(c: Candidate): void {
    try {
      c.values = validateInput(this.entity, c.input, c.existing ? 'update' : 'create');
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      for (const e of error.fieldErrors) c.errors.push({ line: c.line, column: this.headerOf.get(e.field) ?? e.field, message: e.message });
    }
  }

  /** The row's temporal values as periods from its validFrom (default today), as the API writes them. */
  private periodsOf(c: Candidate): PeriodWrite[] {
    const id = c.existing ?? c.id!;
    return this.temporalFields.flatMap((field) => (c.input[field.name] === undefined ? [] : [{ id, field, value: storedValue(c, field), validFrom: c.validFrom }]));
  }

  /** Unique fields (but the upsert key) must be free in storage and in the rest of the file. */
  private checkUnique(candidates: readonly Candidate[], stored: StoredMatches): void {
    for (const field of uniqueFieldsOf(this.plan)) {
      const found = stored.unique.get(field)!;
      const seen = this.seen(`unique ${field.name}`);
      const header = this.headerOf.get(field.name) ?? field.name;
      for (const c of candidates) {
        const value = uniqueValueOf(c, field);
        if (c.errors.length > 0 || value === undefined) continue;
        const other = (found.get(value) ?? []).find((id) => id !== c.existing);
        const earlier = seen.get(value);
        if (other) c.errors.push({ line: c.line, column: header, message: `"${value}" is already taken` });
        else if (earlier !== undefined) c.errors.push({ line: c.line, column: header, message: `"${value}" is also on line ${earlier}` });
        else seen.set(value, c.line);
      }
    }
  }

  /** New rows that look like stored records or earlier rows (same e-mail; same name and postal code). */
  private noteDuplicates(candidates: readonly Candidate[], stored: StoredMatches): void {
    for (const fields of this.plan.duplicateKeys) {
      const lookalikes = stored.lookalikes.get(fields);
      const seen = getOrCreate(this.seenLookalikes, fields);
      for (const c of candidates) {
        const key = looseKey(fields.map((f) => c.input[f.name]));
        if (key === undefined) continue;
        const earlier = seen.get(key);
        const existingId = lookalikes?.get(key) ?? null;
        if (earlier !== undefined || existingId) {
          this.duplicates.push({ line: c.line, fields: fields.map((f) => f.name), otherLine: earlier ?? null, existingId });
        }
        if (earlier === undefined) seen.set(key, c.line);
      }
    }
  }

  /** Values by field name as bulkInsert takes them; new records get the definition's defaults. */
  private storedValues(c: Candidate, isNew: boolean): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const column of c.values!.columns) values[column.field.name] = column.field.type === 'json' ? c.input[column.field.name] : column.value;
    for (const link of c.values!.links) values[link.field.name] = link.ids;
    for (const name in c.input) if (!(name in values)) values[name] = c.input[name];
    if (isNew) for (const field of this.defaulted) if (!(field.name in values)) values[field.name] = field.default;
    return values;
  }

  private seen(name: string): Map<string, number> {
    return getOrCreate(this.seenValues, name);
  }
}

/** One turn of the event loop: pending I/O runs before the promise resolves. */
function ioTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The validated value of one field (JSON stays a value: bulkInsert serialises it). */
function storedValue(c: Candidate, field: FieldDefinition): unknown {
  if (field.type === 'json') return c.input[field.name];
  if (field.type === 'references') return c.values?.links.find((l) => l.field === field)?.ids ?? c.input[field.name];
  return c.values?.columns.find((v) => v.field === field)?.value ?? c.input[field.name];
}

/** Loose keys for possible duplicates: every e-mail field that is not unique; name (or last and first name) with postal code. */
function duplicateKeysOf(entity: EntityDefinition): FieldDefinition[][] {
  const field = (name: string) => entity.fields.find((f) => f.name === name);
  const keys: FieldDefinition[][] = entity.fields.filter((f) => f.type === 'email' && !f.unique).map((f) => [f]);
  const postalCode = field('postalCode');
  const names = field('name') ? [field('name')!] : field('lastName') ? [field('lastName')!, ...(field('firstName') ? [field('firstName')!] : [])] : [];
  if (postalCode && names.length > 0) keys.push([...names, postalCode]);
  return keys;
}

function getOrCreate<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}
