import type { GraphQLFieldResolver, GraphQLObjectType } from 'graphql';
import { getNamedType } from 'graphql';
import { rrulestr } from 'rrule';
import type { Queryable } from '../../entities/database';
import { columnName, tableName } from '../../entities/storageNames';
import { ABSENCE_TABLE, JOURNAL_LINK_TABLE } from '../../entities/traitTables';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type FieldError } from '../../errors';
import { JOURNAL_ENTRY_MODEL } from '../../metadata/traits/journalModel';
import type { MetadataRegistry } from '../../metadata/MetadataRegistry';
import type { EntityDefinition } from '../../metadata/types';
import { inflection } from '../../schema/inflection';
import { auditCte, changesSql } from '../auditSql';
import { compileRecord } from '../compiler/compileSelection';
import { rowFilterOf } from '../compiler/rowFilter';
import { QueryContext } from '../compiler/QueryContext';
import { and, ident, SqlBuilder } from '../compiler/SqlBuilder';
import { collectFieldErrors } from '../collectFieldErrors';
import type { RequestContext } from '../context';
import { findRecordTypes } from '../findRecordTypes';
import { readRecord } from '../readResolvers';
import { ADMIN_ROLE } from '../requireAdmin';
import { isUuid, validateInput } from '../validateInput';
import { ENTRY_TABLE, entryFields, entryValues, journalInsertCtes } from './journalInsert';
import { listValueErrors } from './listValueGuard';

type Resolver<Args> = GraphQLFieldResolver<unknown, RequestContext, Args>;
type Input = Record<string, unknown>;
const DAY = 24 * 60 * 60 * 1000;

/** The first occurrence of `rule` strictly after `due` (the rule's DTSTART), or null when it has ended. */
export function nextOccurrence(rule: string, due: Date): Date | null {
  return rrulestr(rule, { dtstart: due }).after(due, false);
}

/**
 * `createJournalEntry(input:)` (contract section 6): the entry of a journal record, optionally
 * about one of its persons, with an optional follow-up and links to any records; every
 * problem is reported at once, and entry, audit entry and links are written in one transaction.
 * The journal's rule (issue 5): whoever may create journal entries writes them about records
 * they may read; the record, person and links must be readable, else NOT_FOUND, as if missing.
 */
export const createJournalEntryResolver: Resolver<{ input: Input }> = async (_source, { input }, context, info) => {
  const followUp = (input.followUp ?? null) as { owner: string; dueAt: string; rrule?: string | null } | null;
  const links = [...new Set((input.links ?? []) as string[])];
  const named = [input.record as string, ...(input.person == null ? [] : [input.person as string]), ...links];
  const types = await findRecordTypes(context.db, context.registry, named.filter(isUuid), rowFilterOf(context, 'read'));
  const unseen = named.find((id) => !types.has(id));
  if (unseen !== undefined) throw new NotFoundError('Record', unseen);
  const errors: FieldError[] = [];
  const recordType = types.get(input.record as string)!;
  if (!recordType.traits.includes('journal')) errors.push({ field: 'record', message: `is a ${recordType.name}, which has no journal` });
  if (input.person != null && !(await isPersonOf(context, types.get(input.person as string)!, input.person as string, recordType, input.record as string))) {
    errors.push({ field: 'person', message: 'is not a record that belongs to the entry\'s record' });
  }
  if (followUp?.rrule != null && !validRule(followUp.rrule, new Date(followUp.dueAt))) {
    errors.push({ field: 'followUp.rrule', message: 'is not a valid RFC 5545 RRULE (e.g. FREQ=MONTHLY;BYDAY=1MO)' });
  }
  const values: Input = {
    recordType: recordType.name,
    recordId: input.record,
    personId: input.person ?? null,
    ...entryValues(input, context.viewer),
    followUpOwner: followUp?.owner,
    followUpDueAt: followUp?.dueAt,
    followUpRrule: followUp?.rrule,
  };
  errors.push(...(await listValueErrors(context.db, JOURNAL_ENTRY_MODEL, values)));
  const columns = collectFieldErrors(() => validateInput(JOURNAL_ENTRY_MODEL, values, 'create').columns, errors);
  if (errors.length > 0) throw new BadUserInputError(errors);
  return context.db.transaction(async (tx) => {
    const sql = new SqlBuilder();
    const placeholders = columns!.map((c) => sql.param(c.value, c.sqlType));
    const insert = `INSERT INTO ${ENTRY_TABLE} (${columns!.map((c) => ident(c.column)).join(', ')}) VALUES (${placeholders.join(', ')})`;
    const ctes = journalInsertCtes(sql, context.viewer, columns!.map((c) => c.field), insert);
    const [written] = await tx.query<{ id: string }>(`WITH ${ctes.join(', ')} SELECT id FROM w`, sql.params);
    const id = written!.id;
    if (links.length > 0) {
      await tx.query(
        `INSERT INTO ${JOURNAL_LINK_TABLE} (entry_id, record_id, record_type) SELECT $1::uuid, l.id, l.type FROM unnest($2::text[], $3::text[]) AS l(id, type)`,
        [id, links, links.map((l) => types.get(l)!.name)],
      );
    }
    return readRecord(tx, context, journalEntity(context.registry), id, info);
  });
};

/**
 * `completeFollowUp(id:)`: by its owner, by the owner's deputy during an absence, or by an
 * administrator, of an entry whose record the caller may read (else NOT_FOUND); audited as
 * an update of the entry. A recurring follow-up then gets its next occurrence as a new entry, due on
 * the rule's next date, in the same transaction.
 */
export const completeFollowUpResolver: Resolver<{ id: string }> = async (_source, { id }, context, info) => {
  const entity = journalEntity(context.registry);
  if (!isUuid(id)) throw new NotFoundError(inflection.typeName(entity), id);
  return context.db.transaction(async (tx) => {
    const [entry] = await tx.query<FollowUpRow>(
      `SELECT record_id, follow_up_owner, follow_up_done, follow_up_rrule, follow_up_due_at FROM ${ENTRY_TABLE} WHERE id = $1::uuid FOR UPDATE`,
      [id],
    );
    if (!entry || !(await recordVisible(tx, context, entry.record_id))) throw new NotFoundError(inflection.typeName(entity), id);
    if (entry.follow_up_owner == null) throw new BadUserInputError([{ field: 'id', message: 'this entry has no follow-up' }]);
    if (entry.follow_up_done) throw new ConflictError('This follow-up is already done');
    if (!(await mayComplete(tx, context, entry.follow_up_owner))) {
      throw new ForbiddenError('Only the owner of a follow-up, a deputy during the owner\'s absence, or an administrator may complete it');
    }
    const done = new SqlBuilder();
    const key = done.param(id, 'uuid');
    const changes = changesSql(entryFields('followUpDone', 'followUpDoneAt', 'followUpDoneBy').map((field) => {
      const column = ident(columnName(field));
      return { field, old: `old.${column}`, new: `w.${column}` };
    }));
    await tx.query(
      `WITH old AS (SELECT * FROM ${ENTRY_TABLE} WHERE id = ${key}),
       w AS (UPDATE ${ENTRY_TABLE} SET follow_up_done = true, follow_up_done_at = now(), follow_up_done_by = ${done.param(context.viewer.sub, 'text')},
             version = version + 1, updated_at = now() WHERE id = ${key} RETURNING *),
       ${auditCte(done, context.viewer, entity, 'update', 'w, old', changes)}
       SELECT 1`,
      done.params,
    );
    const next = entry.follow_up_rrule ? nextOccurrence(entry.follow_up_rrule, new Date(entry.follow_up_due_at)) : null;
    if (next) {
      const copied = entryFields('recordType', 'recordId', 'personId', 'kind', 'type', 'subject', 'followUpOwner', 'followUpRrule');
      const columns = copied.map((f) => ident(columnName(f))).join(', ');
      const sql = new SqlBuilder();
      const due = sql.param(next.toISOString(), 'timestamptz');
      const insert = `INSERT INTO ${ENTRY_TABLE} (${columns}, occurred_at, follow_up_due_at, recorded_by, previous_occurrence_id)
         SELECT ${columns}, ${due}, ${due}, ${sql.param(context.viewer.sub, 'text')}, id FROM ${ENTRY_TABLE} WHERE id = ${sql.param(id, 'uuid')}`;
      const written = [...copied, ...entryFields('occurredAt', 'followUpDueAt', 'recordedBy', 'previousOccurrence')];
      await tx.query(`WITH ${journalInsertCtes(sql, context.viewer, written, insert).join(', ')} SELECT 1`, sql.params);
    }
    return readRecord(tx, context, entity, id, info);
  });
};

/** The columns of a journal entry that completing its follow-up reads. */
interface FollowUpRow {
  readonly record_id: string;
  readonly follow_up_owner: string | null;
  readonly follow_up_done: boolean;
  readonly follow_up_rrule: string | null;
  readonly follow_up_due_at: Date;
}

export type FollowUpDue = 'OVERDUE' | 'TODAY' | 'NEXT_7_DAYS';

/**
 * `myFollowUps(due:)`: open follow-ups of the caller and of everyone the caller deputises
 * for right now, by due date (days in UTC): before today, today, or from today for 7 days;
 * only those of entries the caller may read (about records the caller may read).
 */
export const myFollowUpsResolver: Resolver<{ due: FollowUpDue }> = async (_source, { due }, context, info) => {
  const query = QueryContext.fromInfo(context.registry, info, rowFilterOf(context, 'read'));
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const t = query.sql.alias();
  const record = compileRecord(query, type, info.fieldNodes, t);
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const ranges: Record<FollowUpDue, readonly [number | null, number]> = {
    OVERDUE: [null, today],
    TODAY: [today, today + DAY],
    NEXT_7_DAYS: [today, today + 7 * DAY],
  };
  const [from, to] = ranges[due];
  const sub = query.sql.param(context.viewer.sub, 'text');
  const conditions = [
    query.sql.visible(journalEntity(context.registry), t),
    `NOT ${t}.follow_up_done`,
    `(${t}.follow_up_owner = ${sub} OR ${t}.follow_up_owner IN (${deputisedSql(sub)}))`,
    ...(from === null ? [] : [`${t}.follow_up_due_at >= ${query.sql.param(new Date(from).toISOString(), 'timestamptz')}`]),
    `${t}.follow_up_due_at < ${query.sql.param(new Date(to).toISOString(), 'timestamptz')}`,
  ];
  const sql = `SELECT coalesce(json_agg(${record} ORDER BY ${t}.follow_up_due_at, ${t}.id), '[]'::json) AS entries FROM ${ENTRY_TABLE} ${t} WHERE ${and(conditions)}`;
  const [row] = await context.db.query<{ entries: unknown }>(sql, query.sql.params);
  return row!.entries;
};

/** `recordAbsence(input: { user, from, to, deputy })`: for oneself, or for anyone by an administrator. */
export const recordAbsenceResolver: Resolver<{ input: { user?: string | null; from: string; to: string; deputy: string } }> = async (
  _source,
  { input },
  context,
) => {
  const user = input.user ?? context.viewer.sub;
  if (user !== context.viewer.sub && !context.viewer.roles.includes(ADMIN_ROLE)) {
    throw new ForbiddenError('Only administrators may record the absence of someone else');
  }
  const errors: FieldError[] = [];
  if (!(new Date(input.to) > new Date(input.from))) errors.push({ field: 'to', message: 'must be after from' });
  if (input.deputy.trim() === '' || input.deputy === user) errors.push({ field: 'deputy', message: 'must be someone other than the absent user' });
  if (errors.length > 0) throw new BadUserInputError(errors);
  const [row] = await context.db.query(
    `INSERT INTO ${ABSENCE_TABLE} (user_id, deputy, starts_at, ends_at) VALUES ($1, $2, $3::timestamptz, $4::timestamptz)
     RETURNING ${ABSENCE_COLUMNS}`,
    [user, input.deputy, input.from, input.to],
  );
  return row;
};

const ABSENCE_COLUMNS = `id, user_id AS "user", deputy, starts_at AS "from", ends_at AS "to"`;

/**
 * `absences(user:, includePast:)`: the absences of `user` (default: the caller) that have not
 * ended, or all with `includePast`, by start. Someone else's only to administrators, or to
 * their deputy (then only the absences they stand in for).
 */
export const absencesResolver: Resolver<{ user?: string | null; includePast?: boolean | null }> = async (_source, args, context) => {
  const sub = context.viewer.sub;
  const params: unknown[] = [args.user ?? sub];
  const conditions = ['a.user_id = $1'];
  if (params[0] !== sub && !context.viewer.roles.includes(ADMIN_ROLE)) conditions.push(`a.deputy = $${params.push(sub)}`);
  if (!args.includePast) conditions.push('a.ends_at > now()');
  return context.db.query(`SELECT ${ABSENCE_COLUMNS} FROM ${ABSENCE_TABLE} a WHERE ${conditions.join(' AND ')} ORDER BY a.starts_at, a.id`, params);
};

/** The users whose deputy `sub` is at this moment. */
function deputisedSql(sub: string): string {
  return `SELECT a.user_id FROM ${ABSENCE_TABLE} a WHERE a.deputy = ${sub} AND a.starts_at <= now() AND now() < a.ends_at`;
}

/** Whether the record an entry belongs to is one the caller may read. */
async function recordVisible(db: Queryable, context: RequestContext, recordId: string): Promise<boolean> {
  return (await findRecordTypes(db, context.registry, [recordId], rowFilterOf(context, 'read'))).size > 0;
}

async function mayComplete(db: Queryable, context: RequestContext, owner: string): Promise<boolean> {
  if (owner === context.viewer.sub || context.viewer.roles.includes(ADMIN_ROLE)) return true;
  const rows = await db.query(`${deputisedSql('$1')} AND a.user_id = $2`, [context.viewer.sub, owner]);
  return rows.length > 0;
}

/** Whether `person` (of type `personType`) refers to `record` through a reference field of its type. */
async function isPersonOf(context: RequestContext, personType: EntityDefinition, person: string, recordType: EntityDefinition, record: string) {
  const links = personType.fields.filter((f) => f.type === 'reference' && f.target === recordType.name);
  if (links.length === 0) return false;
  const condition = links.map((f) => `${ident(columnName(f))} = $2::uuid`).join(' OR ');
  const rows = await context.db.query(`SELECT 1 FROM ${ident(tableName(personType))} WHERE id = $1::uuid AND (${condition})`, [person, record]);
  return rows.length > 0;
}

function validRule(rule: string, due: Date): boolean {
  try {
    nextOccurrence(rule, Number.isNaN(due.getTime()) ? new Date() : due);
    return /FREQ=/i.test(rule);
  } catch {
    return false;
  }
}

function journalEntity(registry: MetadataRegistry): EntityDefinition {
  return registry.get(JOURNAL_ENTRY_MODEL.name);
}
