import type { Config } from '../config';
import { mintToken } from '../server/auth';

/** `relata token --sub alice --roles salesRep --teams north --areas de`: a JWT signed with the data dir's key. */
export async function tokenCommand(
  config: Config,
  options: { sub?: string; roles?: string; teams?: string; areas?: string; expires?: string },
): Promise<number> {
  if (!options.sub) {
    console.error('relata token: --sub is required (e.g. --sub alice --roles salesRep)');
    return 2;
  }
  const list = (value: string | undefined) => (value ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  const token = await mintToken(config.jwt, config.dataDir, {
    sub: options.sub,
    roles: list(options.roles),
    teams: list(options.teams),
    areas: list(options.areas),
    ...(options.expires ? { expiresInSeconds: Number(options.expires) } : {}),
  });
  console.log(token);
  return 0;
}
