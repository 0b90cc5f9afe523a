import type { PreparedMigration } from '../entities/migrateStorage';
import { isApplicable } from '../entities/MigrationPlan';

/** The plan for people: one line per step, `status  action  target  reason`, then the verdict. */
export function describePlan(plan: PreparedMigration): string {
  const from = plan.from ? `version ${plan.from.version} (schema ${plan.from.hash})` : 'no applied version';
  const lines = [`From ${from} to schema ${plan.next.version}:`];
  if (plan.steps.length === 0) lines.push(plan.upToDate ? '  nothing to change' : '  no model change; storage statements only');
  const width = Math.max(0, ...plan.steps.map((s) => s.action.length));
  for (const step of plan.steps) lines.push(`  ${step.status.padEnd(8)} ${step.action.padEnd(width)} ${step.target}: ${step.reason}`);
  const retired = [...plan.retired.types.map((t) => t.name), ...plan.retired.fields.map((f) => `${f.entity}.${f.field.name}`)];
  if (retired.length) lines.push(`Retired (data kept; drop with relata migrate --drop-retired): ${retired.join(', ')}`);
  lines.push(isApplicable(plan) ? `Applicable: ${plan.statements.length} statement(s).` : 'Refused: nothing will be applied until the refused steps are resolved.');
  return lines.join('\n');
}

/** The plan for scripts (`relata plan --json`). */
export function planJson(plan: PreparedMigration): unknown {
  return {
    from: plan.from ? { version: plan.from.version, hash: plan.from.hash } : null,
    hash: plan.next.version,
    upToDate: plan.upToDate,
    applicable: isApplicable(plan),
    steps: plan.steps.map(({ action, target, status, reason }) => ({ action, target, status, reason })),
    retired: { types: plan.retired.types.map((t) => t.name), fields: plan.retired.fields.map((f) => `${f.entity}.${f.field.name}`) },
    statements: plan.statements,
  };
}
