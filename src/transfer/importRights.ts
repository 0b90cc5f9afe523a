import { AccessPolicy } from '../access/AccessPolicy';
import { BadUserInputError, type FieldError } from '../errors';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import type { EntityDefinition } from '../metadata/types';
import { rowFilterOf } from '../resolvers/compiler/rowFilter';
import { and, type RowFilter } from '../resolvers/compiler/SqlBuilder';
import type { RequestContext, Viewer } from '../resolvers/context';
import { creatorsOwnership, outsideCreateScope, reassignValues, type Ownership } from '../resolvers/ownedValues';
import { inflection } from '../schema/inflection';
import { readableFields, writableFields } from '../schema/visibleFields';
import type { ImportColumn } from './mapHeaders';

/** A problem of one row: the field it concerns, or null for the row as a whole. */
export interface RowProblem {
  readonly field: string | null;
  readonly message: string;
}

/** Who imports: a caller of the API with their roles, or the operator at the command line. */
export interface Importer {
  readonly access: AccessPolicy;
  readonly viewer: Viewer;
  /** New owned rows the file leaves unowned get the importer as owner, as create<Type> does; not the operator's. */
  readonly ownsNewRows: boolean;
}

/** The caller of `importRecords`, with the rights of their roles (issue 5). */
export function callerImporter(context: Pick<RequestContext, 'access' | 'viewer'>): Importer {
  return { access: context.access, viewer: context.viewer, ownsNewRows: true };
}

/** `relata import`: the operator, who may write everything (owner, team and area too, from the file). */
export function operatorImporter(registry: MetadataRegistry): Importer {
  return { access: AccessPolicy.unrestricted(registry), viewer: { sub: 'relata import', roles: [], teams: [], areas: [] }, ownsNewRows: false };
}

/**
 * What an importer may do with one type (issue 5), the same rules as the API's mutations:
 * inserts need create rights, updates the update scope (and, when the file sets owner,
 * team or area, the reassign scope); columns must be fields the importer may write;
 * references resolve among records it may read. The scopes are the compiler's own row
 * filters (`rowFilterOf`), so the SQL of a scope exists once.
 */
export class ImportRights {
  /** Records the importer may read: references by key, possible duplicates. */
  readonly readable: RowFilter;
  /** Records an upsert may update. */
  readonly updatable: RowFilter;
  private readonly setsOwnership: boolean;

  private constructor(
    private readonly importer: Importer,
    private readonly entity: EntityDefinition,
    columns: readonly ImportColumn[],
  ) {
    this.readable = rowFilterOf(importer, 'read');
    this.setsOwnership = columns.some((c) => c.kind === 'field' && c.field.managedBy === 'owned');
    const update = rowFilterOf(importer, 'update');
    const reassign = rowFilterOf(importer, 'reassign');
    this.updatable = this.setsOwnership ? (e, alias, sql) => and([update(e, alias, sql), reassign(e, alias, sql)]) : update;
  }

  /** The type must take inserts or updates from the importer (BAD_USER_INPUT `type` otherwise, naming those that do). */
  static checkType(importer: Importer, typeName: string): EntityDefinition {
    const { access } = importer;
    const importable = access.registry.entities.filter((e) => access.can(e, 'create') || access.can(e, 'update'));
    const entity = importable.find((e) => e.name === typeName);
    if (!entity) throw new BadUserInputError([{ field: 'type', message: `is not a type you may import into: ${importable.map((e) => e.name).join(', ')}` }]);
    return entity;
  }

  /** Every column that maps to a field the importer may not write (or a key it may not read), at once, before any row is read. */
  static check(importer: Importer, entity: EntityDefinition, columns: readonly ImportColumn[]): ImportRights {
    const { access } = importer;
    const registry = access.registry;
    const writable = writableFields(registry, access, entity);
    const errors: FieldError[] = [];
    columns.forEach((column, i) => {
      // validFrom only dates the temporal fields the row writes, whose columns are checked themselves.
      if (column.kind === 'ignore' || column.kind === 'id' || column.kind === 'validFrom') return;
      const field = column.field;
      const owned = field.managedBy === 'owned' && access.can(entity, 'reassign');
      if (!readableFields(registry, access, entity).includes(field)) {
        // A field hidden from the caller is not named, not even as one they may not write.
        errors.push({ field: `columns[${i}]`, message: `"${column.header}" matches no field of ${inflection.typeName(entity)}` });
      } else if (!writable.includes(field) && !owned) {
        errors.push({ field: `columns[${i}]`, message: `"${column.header}": you may not write ${inflection.typeName(entity)}.${field.name}` });
      } else if (column.kind === 'reference' && !readableFields(registry, access, column.target).includes(column.key)) {
        errors.push({ field: `columns[${i}]`, message: `"${column.header}": ${column.key.name} is not a field of ${inflection.typeName(column.target)}` });
      }
    });
    if (errors.length > 0) throw new BadUserInputError(errors);
    return new ImportRights(importer, entity, columns);
  }

  /** Who the import's writes are attributed to in the audit trail. */
  get viewer(): Viewer {
    return this.importer.viewer;
  }

  /** Why a row whose upsert key matches a record outside the update scope is refused: hidden or not, the same words. */
  get notUpdatable(): string {
    return `no ${inflection.typeName(this.entity)} with this key that you may update (not found or not yours)`;
  }

  /**
   * The owned values of a new row (owner, team, area: the file's, else the importer's) put
   * into `input`, or why the row lies outside the create scope. Errors name the field.
   */
  admitNew(input: Record<string, unknown>): RowProblem[] {
    const { access, viewer } = this.importer;
    if (!access.can(this.entity, 'create')) return [{ field: null, message: `you may not create ${inflection.typeName(this.entity)} records` }];
    if (!this.entity.traits.includes('owned')) return [];
    const errors = this.ownedProblems(input);
    if (errors.length > 0) return errors;
    const defaults: Ownership = this.importer.ownsNewRows ? creatorsOwnership(viewer) : { owner: null, team: null, area: null };
    const values: Ownership = {
      owner: (input.owner as string | undefined) ?? defaults.owner,
      team: (input.team as string | undefined) ?? defaults.team,
      area: (input.area as string | undefined) ?? defaults.area,
    };
    const refusal = outsideCreateScope(this.entity, this.importer, values);
    if (refusal) return [{ field: null, message: refusal }];
    Object.assign(input, values);
    return [];
  }

  /** Owner, team and area given in the file, checked as reassign<Type> checks them. */
  ownedProblems(input: Record<string, unknown>): FieldError[] {
    const given = Object.fromEntries(['owner', 'team', 'area'].filter((name) => input[name] !== undefined).map((name) => [name, String(input[name])]));
    if (Object.keys(given).length === 0) return [];
    try {
      reassignValues(this.entity, given);
      return [];
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      return [...error.fieldErrors];
    }
  }
}
