import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
import { columnSqlType, conversionOf, storageChanged } from './columnConversions';
import type { AppliedModel, ColumnRetype, MigrationPlan, MigrationStep, RetiredField, RowCheck, StepAction } from './MigrationPlan';
import { NOTHING_RETIRED } from './MigrationPlan';
import { columnName, tableName } from './storageNames';

/** What the planner needs to know of the live database: which tables exist. */
export interface CatalogTables {
  readonly tables: ReadonlySet<string>;
}

/**
 * Compares the applied model with the new one (issue 4, rule 2) and says, step by step, what
 * happens to stored data: safe additions and widenings, renames in place (`renamedFrom`),
 * checked constraints, retirements, and refused lossy changes. Pure: the row checks it
 * lists are run by `checkRows`, the DDL is written by `migrationStatements`.
 */
export function planMigration(applied: AppliedModel | undefined, next: MetadataRegistry, catalog: CatalogTables): MigrationPlan {
  const retired = applied?.retired ?? NOTHING_RETIRED;
  const steps: MigrationStep[] = [];
  const renamedTypes = new Map<string, string>();
  const renamedFields = new Map<string, string>();
  const retypes: ColumnRetype[] = [];
  const retiredFields: RetiredField[] = [];
  const matchedTypes = new Set<string>();
  const previousTypes = new Map(next.entities.map((entity) => [entity.name, previousType(applied, retired.types, next, entity)]));
  // A reference to a renamed type still points at the same records.
  const newTypeName = new Map([...previousTypes].flatMap(([name, previous]) => (previous ? [[previous.entity.name, name] as const] : [])));
  const sameTarget = (previous: FieldDefinition, field: FieldDefinition) =>
    (previous.target && newTypeName.get(previous.target)) === field.target || previous.target === field.target;

  for (const entity of next.entities) {
    const previous = previousTypes.get(entity.name);
    if (!previous) {
      const adopted = catalog.tables.has(tableName(entity));
      steps.push(step('createType', entity.name, 'safe', adopted ? `table "${tableName(entity)}" exists: adopted` : 'new table'));
      continue;
    }
    matchedTypes.add(previous.entity.name);
    if (previous.entity.name !== entity.name) renamedTypes.set(entity.name, previous.entity.name);
    if (previous.retired) steps.push(step('restoreType', entity.name, 'safe', 'table kept since it was retired: its rows come back'));
    if (previous.entity.name !== entity.name) {
      steps.push(step('renameType', entity.name, 'renamed', `table "${tableName(previous.entity)}" renamed to "${tableName(entity)}", rows kept`));
    }
    const table = tableName(previous.entity);
    const live = previous.entity.fields;
    const dormant = retired.fields.filter((r) => r.entity === previous.entity.name).map((r) => r.field);
    const matchedFields = new Set<FieldDefinition>();
    for (const field of entity.fields) {
      const target = `${entity.name}.${field.name}`;
      const found = previousField(live, dormant, entity, field);
      if (!found) {
        const needsValue = field.required && field.default === undefined && field.type !== 'references';
        const checks = needsValue ? [{ table, where: 'TRUE', params: [], reason: 'that would have no value (give the field a default)' }] : [];
        steps.push(step('addField', target, checks.length ? 'checked' : 'safe', checks.length ? 'new required field' : 'new column', checks));
        continue;
      }
      matchedFields.add(found.field);
      if (found.field.name !== field.name) renamedFields.set(target, found.field.name);
      const change = compareField(table, found.field, field, sameTarget(found.field, field));
      if (change.retype) retypes.push({ entity: entity.name, field: field.name, previous: found.field, ...change.retype });
      const action: StepAction = found.retired ? 'restoreField' : found.field.name !== field.name ? 'renameField' : 'changeField';
      const reasons = [
        ...(found.retired ? ['column kept since it was retired: its values come back'] : []),
        ...(found.field.name !== field.name ? [`column "${columnName(found.field)}" renamed to "${columnName(field)}", values kept`] : []),
        ...change.reasons,
      ];
      if (action === 'changeField' && reasons.length === 0) continue;
      const status = change.refused ? 'refused' : change.checks.length ? 'checked' : action === 'renameField' ? 'renamed' : 'safe';
      steps.push(step(action, target, status, reasons.join('; '), change.checks));
    }
    for (const field of live) {
      if (matchedFields.has(field)) continue;
      retiredFields.push({ entity: entity.name, field });
      steps.push(step('retireField', `${entity.name}.${field.name}`, 'retired', `column "${columnName(field)}" and its values kept; "renamedFrom" or putting the field back restores them`));
    }
    for (const field of dormant) if (!matchedFields.has(field)) retiredFields.push({ entity: entity.name, field });
  }

  const retiredTypes = retired.types.filter((t) => !matchedTypes.has(t.name));
  for (const entity of applied?.registry.entities ?? []) {
    if (matchedTypes.has(entity.name)) continue;
    retiredTypes.push(entity);
    steps.push(step('retireType', entity.name, 'retired', `table "${tableName(entity)}" and its rows kept; putting the type back restores them`));
  }
  // Fields retired on a type that is now retired as a whole stay with it.
  for (const field of retired.fields) {
    if (retiredTypes.some((t) => t.name === field.entity)) retiredFields.push(field);
  }
  // Retired references follow their target's renames, so the next plan still finds it.
  const retarget = (field: FieldDefinition): FieldDefinition => {
    const target = field.target && newTypeName.get(field.target);
    return target && target !== field.target ? { ...field, target } : field;
  };
  const retiredAfter = {
    types: retiredTypes.map((t) => ({ ...t, fields: t.fields.map(retarget) })),
    fields: retiredFields.map((r) => ({ ...r, field: retarget(r.field) })),
  };
  return { steps, retired: retiredAfter, renamedTypes, renamedFields, retypes };
}

function step(action: StepAction, target: string, status: MigrationStep['status'], reason: string, checks: readonly RowCheck[] = []): MigrationStep {
  return { action, target, status, reason, checks };
}

/** The type a new definition continues: the same name, its `renamedFrom`, or a retired one. */
function previousType(
  applied: AppliedModel | undefined,
  retiredTypes: readonly EntityDefinition[],
  next: MetadataRegistry,
  entity: EntityDefinition,
): { entity: EntityDefinition; retired: boolean } | undefined {
  const candidates = [entity.name, ...(entity.renamedFrom && !next.find(entity.renamedFrom) ? [entity.renamedFrom] : [])];
  for (const name of candidates) {
    const live = applied?.registry.find(name);
    if (live) return { entity: live, retired: false };
    const dormant = retiredTypes.find((t) => t.name === name);
    if (dormant) return { entity: dormant, retired: true };
  }
  return undefined;
}

function previousField(
  live: readonly FieldDefinition[],
  dormant: readonly FieldDefinition[],
  entity: EntityDefinition,
  field: FieldDefinition,
): { field: FieldDefinition; retired: boolean } | undefined {
  const renamedFrom = field.renamedFrom && !entity.fields.some((f) => f.name === field.renamedFrom) ? field.renamedFrom : undefined;
  for (const name of [field.name, ...(renamedFrom ? [renamedFrom] : [])]) {
    const found = live.find((f) => f.name === name);
    if (found) return { field: found, retired: false };
    const kept = dormant.find((f) => f.name === name);
    if (kept) return { field: kept, retired: true };
  }
  return undefined;
}

interface FieldChange {
  readonly reasons: string[];
  readonly checks: RowCheck[];
  readonly refused: boolean;
  readonly retype?: Pick<ColumnRetype, 'table' | 'column' | 'sqlType' | 'using'>;
}

/** What changing `previous` (as stored in `table`) to `next` does to the stored values. */
function compareField(table: string, previous: FieldDefinition, next: FieldDefinition, sameTarget: boolean): FieldChange {
  const reasons: string[] = [];
  const checks: RowCheck[] = [];
  const column = columnName(previous);
  const refuse = (reason: string): FieldChange => ({ reasons: [...reasons, reason], checks: [], refused: true });
  if (previous.type === 'references' || next.type === 'references') {
    if (previous.type !== next.type) return refuse(`${previous.type} to ${next.type}: a link table and a column cannot convert`);
    if (!sameTarget) return refuse(`target ${previous.target} to ${next.target}: the links would point at other records`);
    return { reasons: changedOptions(previous, next), checks, refused: false };
  }
  if (previous.type === 'reference' && (next.type !== 'reference' || !sameTarget)) {
    return refuse(`${previous.type} ${previous.target} to ${next.type}${next.target ? ` ${next.target}` : ''}: stored ids would lose their meaning`);
  }
  let retype: FieldChange['retype'];
  if (storageChanged(previous, next)) {
    const conversion = conversionOf(previous, next);
    const change = `${previous.type} (${columnSqlType(previous)}) to ${next.type} (${columnSqlType(next)})`;
    if (!conversion) return refuse(`${change}: no conversion keeps the values`);
    retype = { table, column, sqlType: columnSqlType(next), using: conversion.using(column) };
    reasons.push(conversion.widening ? `widened in place: ${change}` : `converted in place: ${change}`);
    if (conversion.loss) checks.push({ table, where: conversion.loss.where(column), params: conversion.loss.params, reason: conversion.loss.reason });
  }
  const quoted = `"${column}"`;
  if (next.required && !previous.required) checks.push({ table, where: `${quoted} IS NULL`, params: [], reason: 'without a value (now required)' });
  if (next.unique && !previous.unique) {
    checks.push({ table, where: `${quoted} IN (SELECT ${quoted} FROM "${table}" GROUP BY ${quoted} HAVING count(*) > 1)`, params: [], reason: 'sharing a value (now unique)' });
  }
  if (previous.type === next.type) checks.push(...narrowerRules(table, quoted, previous, next));
  reasons.push(...changedOptions(previous, next));
  return { reasons, checks, refused: false, ...(retype ? { retype } : {}) };
}

/** Checks for a raised minimum, a lowered maximum, a new pattern or fewer choice options. */
function narrowerRules(table: string, column: string, previous: FieldDefinition, next: FieldDefinition): RowCheck[] {
  const checks: RowCheck[] = [];
  if (next.min !== undefined && (previous.min === undefined || next.min > previous.min)) {
    checks.push({ table, where: `${column} < $1`, params: [next.min], reason: `below the new minimum ${next.min}` });
  }
  if (next.max !== undefined && (previous.max === undefined || next.max < previous.max)) {
    checks.push({ table, where: `${column} > $1`, params: [next.max], reason: `above the new maximum ${next.max}` });
  }
  if (next.pattern !== undefined && next.pattern !== previous.pattern) {
    checks.push({ table, where: `${column} !~ $1`, params: [next.pattern], reason: `not matching the pattern ${next.pattern}` });
  }
  const options = next.options;
  if (options && (!previous.options || previous.options.some((o) => !options.includes(o)))) {
    const where = next.type === 'multiChoice' ? `NOT (${column} <@ $1::text[])` : `NOT (${column} = ANY($1::text[]))`;
    checks.push({ table, where, params: [options], reason: 'holding an option that is no longer offered' });
  }
  return checks;
}

/** The keys that differ, for the human-readable plan (labels, layout-only options, indexes). */
function changedOptions(previous: FieldDefinition, next: FieldDefinition): string[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  keys.delete('name');
  keys.delete('renamedFrom');
  keys.delete('type');
  keys.delete('target');
  const changed = [...keys].filter((key) => JSON.stringify(previous[key as keyof FieldDefinition]) !== JSON.stringify(next[key as keyof FieldDefinition]));
  return changed.length ? [`changed: ${changed.sort().join(', ')}`] : [];
}
