import type { RolesModel } from './RoleDefinition';

/**
 * The roles when a definition set has no roles.yaml: one `admin` that may do everything,
 * so a new model is usable at once and nothing is open to tokens without that role.
 */
export const DEFAULT_ROLES: RolesModel = {
  roles: [
    {
      name: 'admin',
      label: { en: 'Administrator' },
      sensitive: true,
      audit: true,
      personalData: true,
      permissions: { '*': { read: 'all', create: 'all', update: 'all', delete: 'all', reassign: 'all' } },
    },
  ],
};
