import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * Runs `work` under the V8 CPU profiler of this process and writes the profile to
 * `<dir>/<name>-<time>.cpuprofile` (Chrome DevTools opens it): for work the benchmark runs
 * in its own process, such as the import, where `--cpu-prof` on a server does not reach.
 */
export async function withCpuProfile<T>(dir: string, name: string, work: () => Promise<T>): Promise<{ result: T; file: string }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
    const result = await work();
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return { result, file };
  } finally {
    session.disconnect();
  }
}
