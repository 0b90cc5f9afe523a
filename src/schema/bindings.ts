import type { FieldNode, GraphQLField, GraphQLNamedType } from 'graphql';
import type { ToManyRelation } from '../entities/relations';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';
// Type only: a trait field's compiler receives the compiler's context; nothing here runs it.
import type { QueryContext } from '../resolvers/compiler/QueryContext';

/**
 * What a generated GraphQL field or type stands for, attached as `extensions.relata` so
 * that the query compiler never derives meaning from names.
 */
export type FieldBinding =
  | { readonly kind: 'system'; readonly column: string; readonly sqlType: string }
  | { readonly kind: 'column'; readonly field: FieldDefinition }
  | { readonly kind: 'reference'; readonly field: FieldDefinition; readonly target: EntityDefinition }
  | { readonly kind: 'toMany'; readonly relation: ToManyRelation }
  /** Resolved by its own (batched) resolver from the record's id, which the compiler puts under the key. */
  | { readonly kind: 'byRecordId' }
  | { readonly kind: 'computed'; readonly compile: ComputedField };

/**
 * A field a trait adds (addresses, journal, ...): the SQL expression of its JSON for the row
 * `alias`, compiled into the same statement as the rest of the selection.
 */
export type ComputedField = (
  ctx: QueryContext,
  alias: string,
  nodes: readonly FieldNode[],
  args: Record<string, unknown>,
) => string;

export type TypeBinding =
  | { readonly kind: 'record'; readonly entity: EntityDefinition }
  | { readonly kind: 'connection'; readonly entity: EntityDefinition }
  /** `RecordConnection`: records of whichever type a selection or snapshot holds. */
  | { readonly kind: 'recordConnection' }
  /** `AuditEntryConnection` (`history`, `auditEntries`): paged like the others, not compiled. */
  | { readonly kind: 'auditConnection' }
  | { readonly kind: 'edge'; readonly entity: EntityDefinition }
  | { readonly kind: 'pageInfo' };

export function fieldBindingOf(field: GraphQLField<unknown, unknown>): FieldBinding | undefined {
  return (field.extensions as { relata?: FieldBinding } | undefined)?.relata;
}

/** Connections whose page size (`first`/`last`) multiplies what their subtree may return. */
export const PAGED_TYPE_KINDS: ReadonlySet<TypeBinding['kind']> = new Set(['connection', 'recordConnection', 'auditConnection']);

export function typeBindingOf(type: GraphQLNamedType): TypeBinding | undefined {
  return (type.extensions as { relata?: TypeBinding } | undefined)?.relata;
}

/** Generated objects arrive from SQL already shaped by response key (alias or field name). */
export const byResponseKey = (source: unknown, _args: unknown, _context: unknown, info: { path: { key: string | number } }) =>
  (source as Record<string | number, unknown>)[info.path.key];

/** A trait's record field: compiled by `compile`, read back by response key. */
export function computedField<C extends { type: unknown }>(config: C, compile: ComputedField) {
  return { ...config, resolve: byResponseKey, extensions: { relata: { kind: 'computed', compile } satisfies FieldBinding } };
}
