import { createHash } from 'node:crypto';
import { DEFAULT_ROLES } from './roles/defaultRoles';
import type { RoleDefinition, RolesModel } from './roles/RoleDefinition';
import type { EntityDefinition, FieldDefinition, InverseDefinition } from './types';

/**
 * A validated, frozen set of definitions with the lookups every later stage needs.
 * Construct it only from definitions that passed `validateDefinitions`.
 */
export class MetadataRegistry {
  /** Entities sorted by name, so every build is deterministic. */
  readonly entities: readonly EntityDefinition[];
  /** A hash of the model; equal models give equal versions. */
  readonly version: string;
  private readonly byNameMap: ReadonlyMap<string, EntityDefinition>;
  private readonly inverseMap: ReadonlyMap<string, readonly InverseDefinition[]>;
  private readonly roleMap: ReadonlyMap<string, RoleDefinition>;

  /** `roles` is the roles.yaml model; without one only the built-in admin exists. */
  constructor(
    entities: readonly EntityDefinition[],
    readonly roles: RolesModel = DEFAULT_ROLES,
  ) {
    this.entities = [...entities].sort((a, b) => a.name.localeCompare(b.name));
    this.byNameMap = new Map(this.entities.map((e) => [e.name, e]));
    const inverses = new Map<string, InverseDefinition[]>();
    for (const entity of this.entities) {
      for (const field of entity.fields) {
        if (!field.inverse || !field.target) continue;
        const list = inverses.get(field.target) ?? [];
        list.push({ name: field.inverse, owner: field.target, source: entity.name, field });
        inverses.set(field.target, list);
      }
    }
    this.inverseMap = inverses;
    this.roleMap = new Map(roles.roles.map((r) => [r.name, r]));
    this.version = createHash('sha256')
      .update(JSON.stringify([this.entities, roles.roles], (key, value) => (key === 'file' ? undefined : value)))
      .digest('hex')
      .slice(0, 16);
  }

  /** The entity of that name; throws for an unknown name (a programming error after validation). */
  get(name: string): EntityDefinition {
    const entity = this.byNameMap.get(name);
    if (!entity) throw new Error(`Unknown entity type "${name}"`);
    return entity;
  }

  find(name: string): EntityDefinition | undefined {
    return this.byNameMap.get(name);
  }

  /** To-many fields that other types' references generate on `entityName`. */
  inversesOf(entityName: string): readonly InverseDefinition[] {
    return this.inverseMap.get(entityName) ?? [];
  }

  /** The role of that name, or undefined (tokens may carry roles the model does not know). */
  role(name: string): RoleDefinition | undefined {
    return this.roleMap.get(name);
  }

  field(entity: EntityDefinition, name: string): FieldDefinition | undefined {
    return entity.fields.find((f) => f.name === name);
  }
}
