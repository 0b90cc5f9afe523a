import type { LocalizedText } from '../metadata/types';
import type { Queryable } from './database';
import { ATTRIBUTE_DEFINITION_TABLE } from './traitTables';

/** A runtime-defined attribute (contract section 6). */
export interface AttributeDefinitionRow {
  readonly name: string;
  readonly label: LocalizedText;
  readonly type: string;
  readonly options: readonly string[] | null;
  readonly target: string | null;
  readonly appliesTo: readonly string[] | null;
}

const COLUMNS = 'name, label, type, options, target, applies_to AS "appliesTo"';

export async function readAttributeDefinitions(db: Queryable, name?: string): Promise<AttributeDefinitionRow[]> {
  return name === undefined
    ? db.query<AttributeDefinitionRow>(`SELECT ${COLUMNS} FROM ${ATTRIBUTE_DEFINITION_TABLE} ORDER BY name`)
    : db.query<AttributeDefinitionRow>(`SELECT ${COLUMNS} FROM ${ATTRIBUTE_DEFINITION_TABLE} WHERE name = $1`, [name]);
}

/** Inserts a definition, or updates labels, options and applicability of one of the same type and target. */
export async function saveAttributeDefinition(db: Queryable, d: AttributeDefinitionRow): Promise<AttributeDefinitionRow | undefined> {
  const [row] = await db.query<AttributeDefinitionRow>(
    `INSERT INTO ${ATTRIBUTE_DEFINITION_TABLE} (name, label, type, options, target, applies_to)
     VALUES ($1, $2::jsonb, $3, $4::text[], $5, $6::text[])
     ON CONFLICT (name) DO UPDATE SET label = EXCLUDED.label, options = EXCLUDED.options, applies_to = EXCLUDED.applies_to, updated_at = now()
     WHERE ${ATTRIBUTE_DEFINITION_TABLE}.type = EXCLUDED.type AND ${ATTRIBUTE_DEFINITION_TABLE}.target IS NOT DISTINCT FROM EXCLUDED.target
     RETURNING ${COLUMNS}`,
    [d.name, JSON.stringify(d.label), d.type, d.options, d.target, d.appliesTo],
  );
  return row;
}
