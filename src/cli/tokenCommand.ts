import type { Config } from '../config';
import { mintToken } from '../server/auth';

/** `relata token --sub alice --roles salesRep`: a JWT signed with the data dir's key. */
export async function tokenCommand(config: Config, options: { sub?: string; roles?: string; expires?: string }): Promise<number> {
  if (!options.sub) {
    console.error('relata token: --sub is required (e.g. --sub alice --roles salesRep)');
    return 2;
  }
  const roles = (options.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const token = await mintToken(config.jwt, config.dataDir, {
    sub: options.sub,
    roles,
    ...(options.expires ? { expiresInSeconds: Number(options.expires) } : {}),
  });
  console.log(token);
  return 0;
}
