import { ForbiddenError } from '../errors';
import type { Viewer } from './context';

/** The role that may change the engine's own reference data (master lists, attribute definitions). */
export const ADMIN_ROLE = 'admin';

export function requireAdmin(viewer: Viewer, what: string): void {
  if (!viewer.roles.includes(ADMIN_ROLE)) throw new ForbiddenError(`Only the ${ADMIN_ROLE} role may ${what}`);
}
