import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { stopWhenInterrupted } from './interruptions';

/**
 * A server under test in its own Node process, so that its memory is measured alone and the
 * load generator does not share its event loop. The child announces `{ type: 'ready', url }`
 * over IPC and shuts down on `{ type: 'stop' }` (`serveInChild`).
 */
export interface ChildServer {
  readonly name: string;
  readonly pid: number;
  /** The URL the server answers on, e.g. `http://127.0.0.1:41234/graphql`. */
  readonly url: string;
  /** Resident set size now, in bytes. */
  rssBytes(): number;
  /** User plus system CPU time used so far, in milliseconds. */
  cpuMillis(): number;
  stop(): Promise<void>;
}

export interface ChildServerOptions {
  readonly env: Readonly<Record<string, string>>;
  /** Node options for the child (`--cpu-prof`, a TypeScript loader in tests). */
  readonly execArgv?: readonly string[];
  readonly startTimeoutMs?: number;
}

type ChildMessage = { type: 'ready'; url: string } | { type: 'failed'; message: string };

/** The entry file `name` next to this module: `.js` when built, `.ts` under a TypeScript loader. */
export function benchEntry(name: string): string {
  return join(__dirname, `${name}${extname(__filename)}`);
}

export function startChildServer(name: string, entry: string, options: ChildServerOptions): Promise<ChildServer> {
  const child: ChildProcess = fork(entry, [], {
    env: { ...process.env, ...options.env },
    execArgv: [...(options.execArgv ?? [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${options.startTimeoutMs ?? 180_000} ms`));
    }, options.startTimeoutMs ?? 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${name} failed to start: ${message.message}`));
        return;
      }
      clearTimeout(timer);
      const pid = child.pid!;
      const stop = async () => {
        forget();
        if (child.exitCode !== null) return;
        child.send({ type: 'stop' });
        const stopped = await Promise.race([exited.then(() => true), delay(15_000).then(() => false)]);
        if (!stopped) {
          child.kill('SIGKILL');
          await exited;
        }
      };
      const forget = stopWhenInterrupted(stop);
      resolve({ name, pid, url: message.url, rssBytes: () => rssOf(pid), cpuMillis: () => cpuOf(pid), stop });
    });
  });
}

/**
 * The child side: tells the parent where the server listens and closes it on request.
 * Exits through `process.exit` so that `--cpu-prof` writes its profile.
 */
export function serveInChild(start: () => Promise<{ url: string; close(): Promise<void> }>): void {
  start().then(
    (server) => {
      const close = () => void server.close().finally(() => process.exit(0));
      process.on('message', (message: { type?: string }) => {
        if (message.type === 'stop') close();
      });
      // The benchmark process went away without asking (killed): do not serve on as an orphan.
      process.once('disconnect', close);
      process.send?.({ type: 'ready', url: server.url });
    },
    (error: unknown) => {
      process.send?.({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}

function rssOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** utime + stime from /proc/PID/stat, in clock ticks of 10 ms (USER_HZ = 100 on Linux). */
function cpuOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces: fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
