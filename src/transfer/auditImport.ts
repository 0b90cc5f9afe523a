import { AUDIT_TABLE } from '../entities/engineTables';
import type { TableRows } from '../entities/insertRows';
import type { EntityDefinition } from '../metadata/types';
import type { Viewer } from '../resolvers/context';
import { createdChanges } from './createdChanges';

/** A record an import batch creates: its id and the values it is written with. */
export interface CreatedRecord {
  readonly id: string;
  readonly values: Readonly<Record<string, unknown>>;
}

const COLUMNS = ['actor', 'api_key', 'type', 'record_id', 'action', 'changes'].map((name) => ({ name }));

/**
 * The audit entries of the records an import batch creates (issue 5: every write is
 * attributable, imports too), as rows to COPY with the records: each entry holds the fields
 * the record got (`createdChanges`), as `create<Type>` records them. Building `changes` in
 * SQL from the stored rows cost as much as the rest of the import.
 */
export function createdAuditRows(viewer: Viewer, entity: EntityDefinition, records: readonly CreatedRecord[]): TableRows {
  const apiKey = viewer.apiKey ?? null;
  return {
    table: AUDIT_TABLE,
    columns: COLUMNS,
    rows: records.map((r) => [viewer.sub, apiKey, entity.name, r.id, 'create', createdChanges(entity, r.values)]),
  };
}
