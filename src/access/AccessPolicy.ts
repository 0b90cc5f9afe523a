import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { EVERY_TYPE, type Operation, type RoleDefinition, type RowScope } from '../metadata/roles/RoleDefinition';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';

/** The records an operation reaches: every one, those matching any of the row scopes, or none. */
export type Reach = { readonly all: true } | { readonly all: false; readonly rows: readonly RowScope[] };

const NONE: Reach = { all: false, rows: [] };
const ALL: Reach = { all: true };

/**
 * What a set of roles may do with a model (issue 5), pure and memoised: per type and
 * operation the union of the roles' scopes, field rights from readRoles/writeRoles and
 * `sensitive`. Roles the model does not define give nothing. Two role sets with the same
 * known roles have the same `fingerprint`, and so the same schema.
 */
export class AccessPolicy {
  /** The known roles, sorted by name, joined: the key of the per-role schema. */
  readonly fingerprint: string;
  readonly roleNames: readonly string[];
  /** May read and write sensitive fields and see their values in the audit trail. */
  readonly sensitive: boolean;
  readonly audit: boolean;
  readonly personalData: boolean;
  private readonly reaches = new Map<string, Reach>();

  private constructor(
    readonly registry: MetadataRegistry,
    private readonly roles: readonly RoleDefinition[],
  ) {
    this.roleNames = roles.map((r) => r.name);
    this.fingerprint = this.roleNames.join(',');
    this.sensitive = roles.some((r) => r.sensitive);
    this.audit = roles.some((r) => r.audit);
    this.personalData = roles.some((r) => r.personalData);
  }

  /** The policy of the roles a token carries (unknown ones ignored). */
  static of(registry: MetadataRegistry, roleNames: readonly string[]): AccessPolicy {
    const roles = [...new Set(roleNames)]
      .map((name) => registry.role(name))
      .filter((role): role is RoleDefinition => role !== undefined)
      .sort((a, b) => a.name.localeCompare(b.name));
    let byFingerprint = policies.get(registry);
    if (!byFingerprint) {
      byFingerprint = new Map();
      policies.set(registry, byFingerprint);
    }
    const key = roles.map((r) => r.name).join(',');
    let policy = byFingerprint.get(key);
    if (!policy) {
      policy = new AccessPolicy(registry, roles);
      byFingerprint.set(key, policy);
    }
    return policy;
  }

  /** Everything, sensitive fields included: the schema of the model itself (codegen, tests). */
  static unrestricted(registry: MetadataRegistry): AccessPolicy {
    return new AccessPolicy(registry, [UNRESTRICTED]);
  }

  /** Which records of `entity` the roles reach with `operation`. */
  reach(entity: EntityDefinition, operation: Operation): Reach {
    const key = `${entity.name}.${operation}`;
    let reach = this.reaches.get(key);
    if (!reach) {
      reach = this.computeReach(entity, operation);
      this.reaches.set(key, reach);
    }
    return reach;
  }

  /** Whether the roles reach any record of `entity` with `operation`; writing needs reading too. */
  can(entity: EntityDefinition, operation: Operation): boolean {
    const reaches = (op: Operation) => {
      const r = this.reach(entity, op);
      return r.all || r.rows.length > 0;
    };
    return reaches(operation) && (operation === 'read' || reaches('read'));
  }

  /** A readable type's field: its readRoles allow it, and sensitive fields need sensitive access. */
  readsField(entity: EntityDefinition, field: FieldDefinition): boolean {
    if (!this.can(entity, 'read')) return false;
    if (field.sensitive && !this.sensitive) return false;
    return !field.readRoles || this.unrestricted || field.readRoles.some((role) => this.roleNames.includes(role));
  }

  /** A field the roles may set: readable, and its writeRoles allow it. */
  writesField(entity: EntityDefinition, field: FieldDefinition): boolean {
    if (field.managedBy || !this.readsField(entity, field)) return false;
    return !field.writeRoles || this.unrestricted || field.writeRoles.some((role) => this.roleNames.includes(role));
  }

  private get unrestricted(): boolean {
    return this.roles[0] === UNRESTRICTED;
  }

  private computeReach(entity: EntityDefinition, operation: Operation): Reach {
    const rows = new Set<RowScope>();
    for (const role of this.roles) {
      const scope = (role.permissions[entity.name] ?? role.permissions[EVERY_TYPE])?.[operation] ?? 'none';
      if (scope === 'all') return ALL;
      if (scope !== 'none') rows.add(scope);
    }
    return rows.size === 0 ? NONE : { all: false, rows: [...rows].sort() };
  }
}

const UNRESTRICTED: RoleDefinition = {
  name: '*',
  label: { en: 'Everything' },
  sensitive: true,
  audit: true,
  personalData: true,
  permissions: { [EVERY_TYPE]: { read: 'all', create: 'all', update: 'all', delete: 'all', reassign: 'all' } },
};

const policies = new WeakMap<MetadataRegistry, Map<string, AccessPolicy>>();
