import { AUDIT_TABLE } from '../entities/engineTables';
import type { Queryable } from '../entities/database';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { SqlBuilder, nameLiteral } from './compiler/SqlBuilder';
import type { Viewer } from './context';
import { eraseStatement } from './erasure';

/** Whom retention's audit entries name. */
export const RETENTION_ACTOR: Viewer = { sub: 'retention', roles: [], teams: [], areas: [] };

/**
 * Applies each type's `retention` (issue 5, GDPR): records unchanged for `afterDays` are
 * anonymised (once: not again until they change) or deleted, each in one audited statement
 * per type. Returns how many records of each type were affected.
 */
export async function runRetention(db: Queryable, registry: MetadataRegistry): Promise<Record<string, number>> {
  const affected: Record<string, number> = {};
  for (const entity of registry.entities) {
    if (!entity.retention) continue;
    const sql = new SqlBuilder();
    const expired = `r.updated_at < now() - make_interval(days => ${sql.param(entity.retention.afterDays, 'integer')})`;
    const notYetErased = `NOT EXISTS (SELECT 1 FROM ${AUDIT_TABLE} a WHERE a.type = ${nameLiteral(entity.name)} AND a.record_id = r.id AND a.action = 'erase' AND a.at >= r.updated_at)`;
    const condition = entity.retention.action === 'delete' ? expired : `${expired} AND ${notYetErased}`;
    const rows = await db.query(eraseStatement(sql, RETENTION_ACTOR, registry, entity, condition, entity.retention.action), sql.params);
    affected[entity.name] = rows.length;
  }
  return affected;
}
