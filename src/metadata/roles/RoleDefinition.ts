import type { LocalizedText } from '../types';

/**
 * The roles model (metadata-definitions/roles.yaml, issue 5): per role and type, the scope
 * of each operation. Everything downstream reads only these readonly shapes.
 */

/** Which records an operation reaches: own, team, area need the owned trait on the type. */
export const SCOPES = ['own', 'team', 'area', 'all', 'none'] as const;
export type Scope = (typeof SCOPES)[number];

/** The scopes that depend on a record's owner, team or area. */
export type RowScope = Exclude<Scope, 'all' | 'none'>;

export const OPERATIONS = ['read', 'create', 'update', 'delete', 'reassign'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** The scope of every operation on one type; an operation not granted is `none`. */
export type TypePermissions = Readonly<Record<Operation, Scope>>;

/** The key of `permissions` that stands for every type not listed by name. */
export const EVERY_TYPE = '*';

export interface RoleDefinition {
  readonly name: string;
  readonly label: LocalizedText;
  readonly description?: LocalizedText;
  /** May read and write fields marked `sensitive`. */
  readonly sensitive: boolean;
  /** May read the whole audit trail. */
  readonly audit: boolean;
  /** May export and erase personal data. */
  readonly personalData: boolean;
  /** By type name, or EVERY_TYPE. */
  readonly permissions: Readonly<Record<string, TypePermissions>>;
}

export interface RolesModel {
  /** Roles sorted by name. */
  readonly roles: readonly RoleDefinition[];
  /** The file the roles came from (`roles.yaml`), or undefined for the built-in default. */
  readonly file?: string;
}
