import { buildConstraintIndex } from '../entities/constraintIndex';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { BadUserInputError, ConflictError } from '../errors';

interface PgError {
  code?: string;
  constraint?: string;
}

const indexes = new WeakMap<MetadataRegistry, ReturnType<typeof buildConstraintIndex>>();

/**
 * Turns a constraint violation into the client error that names the field; anything
 * else is returned unchanged (and later masked by formatError).
 */
export function translateDatabaseError(registry: MetadataRegistry, error: unknown, deleting = false): unknown {
  const { code, constraint } = (error ?? {}) as PgError;
  if (!code || !constraint) return error;
  let index = indexes.get(registry);
  if (!index) {
    index = buildConstraintIndex(registry);
    indexes.set(registry, index);
  }
  const owner = index.get(constraint);
  if (!owner && deleting && (code === '23503' || code === '23001')) {
    // A retired reference keeps its foreign key (issue 4): the data it holds is not lost.
    return new ConflictError('The record is still referenced by retired data; restore or drop the retired field first');
  }
  if (!owner) return error;
  if (code === '23505') {
    return new ConflictError(`${owner.field} is already taken by another ${owner.entity}`, {
      fieldErrors: [{ field: owner.field, message: 'is already taken' }],
    });
  }
  // 23001 restrict_violation: what PostgreSQL 17+ raises for ON DELETE RESTRICT.
  if (code === '23503' || code === '23001') {
    if (deleting) {
      return new ConflictError(`The record is still referenced by ${owner.entity}.${owner.field}; delete or reassign those records first`);
    }
    return new BadUserInputError([{ field: owner.field, message: 'refers to a record that does not exist' }]);
  }
  return error;
}
