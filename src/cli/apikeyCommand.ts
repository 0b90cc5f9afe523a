import type { Config } from '../config';
import { createEngineTables } from '../entities/engineTables';
import { openDatabase } from '../server/openDatabase';
import { createApiKey, listApiKeys, revokeApiKey } from '../server/apiKeys';

export interface ApikeyOptions {
  readonly name?: string;
  readonly role?: string;
}

/**
 * `relata apikey create --role partner [--name N]` prints a new key once; `list` shows
 * id, name, roles and state; `revoke ID` ends a key at once (issue 5).
 */
export async function apikeyCommand(config: Config, action: string | undefined, rest: readonly string[], options: ApikeyOptions): Promise<number> {
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    console.error('relata apikey create --role R1,R2 [--name N] | apikey list | apikey revoke ID');
    return 2;
  }
  const roles = (options.role ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  if (action === 'create' && roles.length === 0) {
    console.error('relata apikey create: --role is required (e.g. --role partner)');
    return 2;
  }
  if (action === 'revoke' && !rest[0]) {
    console.error('relata apikey revoke: give the id of the key (relata apikey list shows it)');
    return 2;
  }
  const db = await openDatabase(config);
  try {
    await createEngineTables(db);
    if (action === 'create') {
      const { id, key } = await createApiKey(db, options.name ?? roles.join(','), roles);
      console.error(`API key ${id} (roles ${roles.join(', ')}). It is shown only now; store it safely:`);
      console.log(key);
      return 0;
    }
    if (action === 'list') {
      for (const k of await listApiKeys(db)) {
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : 'active';
        const used = k.lastUsedAt ? `last used ${k.lastUsedAt.toISOString()}` : 'never used';
        console.log(`${k.id}\t${k.name}\t${k.roles.join(',')}\t${k.createdAt.toISOString()}\t${state}\t${used}`);
      }
      return 0;
    }
    if (await revokeApiKey(db, rest[0]!)) {
      console.log(`Revoked ${rest[0]}`);
      return 0;
    }
    console.error(`relata apikey revoke: no active key ${rest[0]}`);
    return 1;
  } finally {
    await db.close();
  }
}
