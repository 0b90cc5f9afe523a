import type { GraphQLField, GraphQLNamedType } from 'graphql';
import type { ToManyRelation } from '../entities/relations';
import type { EntityDefinition, FieldDefinition } from '../metadata/types';

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
  | { readonly kind: 'byRecordId' };

export type TypeBinding =
  | { readonly kind: 'record'; readonly entity: EntityDefinition }
  | { readonly kind: 'connection'; readonly entity: EntityDefinition }
  /** `RecordConnection`: records of whichever type a selection or snapshot holds. */
  | { readonly kind: 'recordConnection' }
  | { readonly kind: 'edge'; readonly entity: EntityDefinition }
  | { readonly kind: 'pageInfo' };

export function fieldBindingOf(field: GraphQLField<unknown, unknown>): FieldBinding | undefined {
  return (field.extensions as { relata?: FieldBinding } | undefined)?.relata;
}

export function typeBindingOf(type: GraphQLNamedType): TypeBinding | undefined {
  return (type.extensions as { relata?: TypeBinding } | undefined)?.relata;
}

/** Generated objects arrive from SQL already shaped by response key (alias or field name). */
export const byResponseKey = (source: unknown, _args: unknown, _context: unknown, info: { path: { key: string | number } }) =>
  (source as Record<string | number, unknown>)[info.path.key];
