import type { GraphQLFieldResolver } from 'graphql';
import { tableName } from '../entities/storageNames';
import { CAMPAIGN_KEY } from '../entities/traitTables';
import { BadUserInputError, NotFoundError, type FieldError } from '../errors';
import { JOURNAL_ENTRY_MODEL } from '../metadata/traits/journalModel';
import type { EntityDefinition } from '../metadata/types';
import { collectFieldErrors } from '../resolvers/collectFieldErrors';
import { rowFilterOf } from '../resolvers/compiler/rowFilter';
import { and, ident, SqlBuilder } from '../resolvers/compiler/SqlBuilder';
import type { RequestContext } from '../resolvers/context';
import { entryFields, ENTRY_TABLE, entryValues, journalInsertCtes } from '../resolvers/traits/journalInsert';
import { listValueErrors } from '../resolvers/traits/listValueGuard';
import { validateInput } from '../resolvers/validateInput';
import { resolveSaved } from './resolveCondition';
import { conditionSql } from './runCondition';
import { snapshotMembersScope, SnapshotStore } from './SnapshotStore';

export interface CampaignInput {
  readonly name: string;
  readonly kind?: string | null;
  readonly type?: string | null;
  readonly subject?: string | null;
  readonly text?: string | null;
  readonly occurredAt?: string | null;
}

interface Recipients {
  readonly entity: EntityDefinition;
  readonly scope: (alias: string, sql: SqlBuilder) => string;
}

type Args = { selection?: string | null; snapshot?: string | null; input: CampaignInput };

/**
 * `recordCampaign(selection:, snapshot:, input:)` (issue 7, mailings): one journal entry per
 * recipient, the current members of a saved selection or the frozen members of a snapshot
 * that the caller may read, each with its audit entry, all in one statement. Repeating a
 * campaign (same name) records nobody twice: the campaign key and ON CONFLICT DO NOTHING
 * make it idempotent, also when two run at once.
 */
export const recordCampaignResolver: GraphQLFieldResolver<unknown, RequestContext, Args> = async (_source, args, context, info) => {
  const errors: FieldError[] = [];
  if (!args.selection === !args.snapshot) {
    errors.push(...['selection', 'snapshot'].map((field) => ({ field, message: 'give exactly one of selection and snapshot' })));
  }
  const recipients = args.selection
    ? await selectionMembers(context, info.schema, args.selection, errors)
    : args.snapshot
      ? await snapshotMembers(context, args.snapshot, errors)
      : undefined;
  const name = args.input.name.trim();
  if (name === '' || name.length > 200) errors.push({ field: 'name', message: 'must be 1 to 200 characters' });
  const values = { campaign: name, ...entryValues(args.input, context.viewer) };
  errors.push(...(await listValueErrors(context.db, JOURNAL_ENTRY_MODEL, values)));
  const columns = collectFieldErrors(() => validateInput(JOURNAL_ENTRY_MODEL, values, 'update').columns, errors);
  if (errors.length > 0 || !recipients || !columns) throw new BadUserInputError(errors);

  const sql = new SqlBuilder(rowFilterOf(context, 'read'));
  const t = sql.alias();
  const members = `SELECT ${t}.id FROM ${ident(tableName(recipients.entity))} ${t} WHERE ${and([recipients.scope(t, sql), sql.visible(recipients.entity, t)])}`;
  const shared = columns.map((c) => sql.param(c.value, c.sqlType));
  const written = [...entryFields('recordType', 'recordId'), ...columns.map((c) => c.field)];
  const insert =
    `INSERT INTO ${ENTRY_TABLE} (record_type, record_id, ${columns.map((c) => ident(c.column)).join(', ')}) ` +
    `SELECT ${sql.param(recipients.entity.name, 'text')}, r.id::text, ${shared.join(', ')} FROM recipients r ` +
    `ON CONFLICT (${CAMPAIGN_KEY.columns.map(ident).join(', ')}) DO NOTHING`;
  const ctes = [`recipients AS (${members})`, ...journalInsertCtes(sql, context.viewer, written, insert)];
  const [row] = await context.db.query<{ recorded: number; recipients: number }>(
    `WITH ${ctes.join(',\n')} SELECT (SELECT count(*) FROM w)::int AS recorded, (SELECT count(*) FROM recipients)::int AS recipients`,
    sql.params,
  );
  return { recorded: row!.recorded, alreadyRecorded: row!.recipients - row!.recorded };
};

async function selectionMembers(context: RequestContext, schema: Parameters<typeof resolveSaved>[1], id: string, errors: FieldError[]): Promise<Recipients | undefined> {
  try {
    const saved = await resolveSaved(context, schema, id);
    const entity = journalType(context, saved.type, 'selection', errors);
    return entity && { entity, scope: (alias, sql) => conditionSql(context, saved, alias, sql) };
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    errors.push({ field: 'selection', message: 'no saved selection with this id is visible to you' });
    return undefined;
  }
}

async function snapshotMembers(context: RequestContext, id: string, errors: FieldError[]): Promise<Recipients | undefined> {
  const snapshot = await new SnapshotStore(context.db, context.viewer).get(id);
  if (!snapshot) {
    errors.push({ field: 'snapshot', message: 'no snapshot with this id is visible to you' });
    return undefined;
  }
  const entity = journalType(context, snapshot.type, 'snapshot', errors);
  return entity && { entity, scope: snapshotMembersScope(snapshot.id) };
}

/** The type of the recipients, if it has a journal. */
function journalType(context: RequestContext, type: string, field: string, errors: FieldError[]): EntityDefinition | undefined {
  const entity = context.registry.find(type);
  if (entity?.traits.includes('journal')) return entity;
  errors.push({ field, message: `holds ${type} records, which have no journal` });
  return undefined;
}
