import type { GraphQLSchema } from 'graphql';
import { BadUserInputError, NotFoundError, type FieldError } from '../errors';
import type { EntityDefinition } from '../metadata/types';
import { and, type SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import type { RequestContext } from '../resolvers/context';
import { parseCondition, readableType } from '../selections/parseCondition';
import { resolveCondition, resolveSaved, type ResolvedCondition } from '../selections/resolveCondition';
import { conditionSql } from '../selections/runCondition';
import { SelectionStore } from '../selections/SelectionStore';
import { snapshotMembersScope, SnapshotStore } from '../selections/SnapshotStore';
import { resolveColumns, type ExportColumn } from './exportColumns';
import type { CsvOptions, ExportFormat } from './writeExport';

/** What `exportRecords` asks for (contract section 7), stored until the download. */
export interface ExportRequest {
  readonly type: string;
  readonly where?: unknown;
  readonly selection?: string | null;
  /** A snapshot's frozen members (e.g. the recipients of a mailing). */
  readonly snapshot?: string | null;
  readonly columns: readonly string[];
  readonly format: ExportFormat;
  readonly csv: CsvOptions;
}

export interface PreparedExport {
  readonly entity: EntityDefinition;
  readonly columns: readonly ExportColumn[];
  readonly condition: (alias: string, sql: SqlBuilder) => string | undefined;
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Checks an export request and compiles its parts: the type, `where` (the selection condition
 * language, so it may use aggregates and saved selections too), a saved selection or a
 * snapshot of that type, the column paths and the CSV options. Runs when the export is asked for and again
 * at download, when definitions, the selection or the caller's rights may have changed: all of
 * it is checked against what the caller may read (issue 5).
 */
export async function prepareExport(context: RequestContext, schema: GraphQLSchema, request: ExportRequest): Promise<PreparedExport> {
  const entity = readableType(context.access, request.type);
  const { columns, errors } = resolveColumns(context.access, entity, request.columns);
  if (!DELIMITERS.includes(request.csv.delimiter)) errors.push({ field: 'csv.delimiter', message: 'must be ",", ";" or a tab' });
  const now = new Date();
  const parts: ResolvedCondition[] = [];
  const problems = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      errors.push(...(error.fieldErrors as FieldError[]));
    }
  };
  if (request.where !== undefined && request.where !== null) {
    await problems(async () => {
      const parsed = parseCondition(context.access, schema, entity.name, request.where, now, 'where');
      parts.push(await resolveCondition(context.access, schema, new SelectionStore(context.db, context.viewer), parsed, now));
    });
  }
  if (request.selection) {
    await problems(async () => {
      const saved = await resolveSaved(context, schema, request.selection!).catch((error: unknown) => {
        throw error instanceof NotFoundError ? new BadUserInputError([{ field: 'selection', message: 'no saved selection with this id is visible to you' }]) : error;
      });
      if (saved.type !== entity.name) throw new BadUserInputError([{ field: 'selection', message: `selects ${saved.type} records, not ${entity.name}` }]);
      parts.push(saved);
    });
  }
  let members: ((alias: string, sql: SqlBuilder) => string) | undefined;
  if (request.snapshot) {
    const snapshot = await new SnapshotStore(context.db, context.viewer).get(request.snapshot);
    if (!snapshot) errors.push({ field: 'snapshot', message: 'no snapshot with this id is visible to you' });
    else if (snapshot.type !== entity.name) errors.push({ field: 'snapshot', message: `holds ${snapshot.type} records, not ${entity.name}` });
    else members = snapshotMembersScope(snapshot.id);
  }
  if (errors.length > 0) throw new BadUserInputError(errors);
  return {
    entity,
    columns,
    condition: (alias, sql) => and([...parts.map((p) => conditionSql(context, p, alias, sql)), members?.(alias, sql)]),
  };
}
