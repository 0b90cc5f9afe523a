import { didYouMean } from '../closestName';
import { MetadataError } from '../MetadataError';
import type { EntityDefinition } from '../types';
import { EVERY_TYPE, OPERATIONS, type RolesModel } from './RoleDefinition';

/**
 * The checks of the roles against the types (issue 5): permissions name existing types,
 * own/team/area only on types with the owned trait (and so never under `*`), and every
 * role a field's readRoles/writeRoles names is defined.
 */
export function checkRoles(roles: RolesModel, definitions: readonly EntityDefinition[], unresolvedTypes: ReadonlySet<string>): MetadataError[] {
  const problems: MetadataError[] = [];
  const file = roles.file ?? '';
  const byName = new Map(definitions.map((d) => [d.name, d]));
  const typeNames = [...byName.keys()];
  for (const role of roles.roles) {
    for (const [type, permissions] of Object.entries(role.permissions)) {
      const path = `roles.${role.name}.permissions.${type === EVERY_TYPE ? '"*"' : type}`;
      const entity = byName.get(type);
      if (type !== EVERY_TYPE && !entity) {
        if (!unresolvedTypes.has(type)) problems.push(new MetadataError(file, path, `unknown type "${type}"${didYouMean(type, typeNames)}`));
        continue;
      }
      if (entity?.traits.includes('owned')) continue;
      // One scope for every operation was written as one value: report it once.
      const uniform = OPERATIONS.every((operation) => permissions[operation] === permissions.read);
      for (const operation of uniform ? (['read'] as const) : OPERATIONS) {
        const scope = permissions[operation];
        if (scope === 'all' || scope === 'none') continue;
        const reason =
          type === EVERY_TYPE
            ? `scope "${scope}" cannot apply to every type: give it per type with the owned trait`
            : `scope "${scope}" needs the owned trait on type "${type}"`;
        problems.push(new MetadataError(file, uniform ? path : `${path}.${operation}`, reason));
      }
    }
  }
  const known = new Set(roles.roles.map((r) => r.name));
  for (const entity of definitions) {
    for (const field of entity.fields) {
      for (const key of ['readRoles', 'writeRoles'] as const) {
        field[key]?.forEach((role, index) => {
          if (!known.has(role)) {
            const where = roles.file ? `in ${roles.file}` : '(without roles.yaml only admin is defined)';
            problems.push(new MetadataError(entity.file, `fields.${field.name}.${key}[${index}]`, `unknown role "${role}" ${where}${didYouMean(role, known)}`));
          }
        });
      }
    }
  }
  return problems;
}
