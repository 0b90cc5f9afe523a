import schema from '../../../roles.schema.json';
import { formatPath, type PathSegment, type Report } from '../formatPath';
import { MetadataError } from '../MetadataError';
import { humanise } from '../naming';
import { readYamlDocument } from '../readYamlDocument';
import { shapeChecker } from '../shapeChecker';
import { sortByDocumentOrder } from '../sortByDocumentOrder';
import type { LocalizedText } from '../types';
import type { DefinitionSource } from '../DefinitionSource';
import { OPERATIONS, type Operation, type RoleDefinition, type RolesModel, type Scope, type TypePermissions } from './RoleDefinition';

/** The file name of the roles document inside the definitions directory. */
export const ROLES_FILE = 'roles.yaml';

const checkRolesShape = shapeChecker(schema);

export interface ParsedRoles {
  readonly roles?: RolesModel;
  readonly errors: readonly MetadataError[];
}

type RawText = string | Record<string, string>;
interface RawRole {
  label?: RawText;
  description?: RawText;
  sensitive?: boolean;
  audit?: boolean;
  personalData?: boolean;
  permissions?: Record<string, Scope | Partial<Record<Operation, Scope>>>;
}

/**
 * The roles document to a `RolesModel` (issue 5): YAML syntax, then `roles.schema.json`;
 * every problem with its path. Checks against the types (names, owned trait) are
 * `checkRoles`'s, since they need the other files.
 */
export function parseRoles(source: DefinitionSource): ParsedRoles {
  const problems: { path: readonly PathSegment[]; reason: string }[] = [];
  const report: Report = (path, reason) => problems.push({ path, reason });
  const toErrors = () => problems.map((p) => new MetadataError(source.file, formatPath(p.path), p.reason));
  const yaml = readYamlDocument(source.text, report);
  if (!yaml.ok) return { errors: toErrors() };
  checkRolesShape(yaml.value, report);
  if (problems.length > 0) {
    const sorted = sortByDocumentOrder(problems, yaml.value);
    problems.splice(0, problems.length, ...sorted);
    return { errors: toErrors() };
  }
  const raw = (yaml.value as { roles: Record<string, RawRole> }).roles;
  const roles = Object.entries(raw)
    .map(([name, role]) => normaliseRole(name, role ?? {}))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { roles: { roles, file: source.file }, errors: [] };
}

function normaliseRole(name: string, raw: RawRole): RoleDefinition {
  const permissions: Record<string, TypePermissions> = {};
  for (const [type, given] of Object.entries(raw.permissions ?? {})) {
    permissions[type] = Object.fromEntries(
      OPERATIONS.map((operation) => [operation, typeof given === 'string' ? given : (given[operation] ?? 'none')]),
    ) as TypePermissions;
  }
  return {
    name,
    label: { en: humanise(name), ...localized(raw.label) },
    ...(raw.description !== undefined && { description: localized(raw.description) }),
    sensitive: raw.sensitive ?? false,
    audit: raw.audit ?? false,
    personalData: raw.personalData ?? false,
    permissions,
  };
}

function localized(text: RawText | undefined): LocalizedText {
  if (text === undefined) return {};
  return typeof text === 'string' ? { en: text } : { ...text };
}
