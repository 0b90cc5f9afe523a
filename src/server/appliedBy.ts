import { hostname, userInfo } from 'node:os';

/** Who applies a definitions version, for the history: user, host, process and command. */
export function appliedBy(command: string): string {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep $USER.
  }
  return `${user}@${hostname()} pid ${process.pid} (relata ${command})`;
}
