/**
 * What an interrupted run (Ctrl-C, `timeout`'s SIGTERM, a closed terminal) must still undo:
 * a throw-away PostgreSQL left running keeps its port, its memory and a seeded data
 * directory of a gigabyte or more. Resources register their stop here while they live.
 */
const stops = new Set<() => Promise<void>>();

/** Registers `stop` until the returned function is called (the resource stopped normally). */
export function stopWhenInterrupted(stop: () => Promise<void>): () => void {
  stops.add(stop);
  return () => void stops.delete(stop);
}

/** Last started first: the servers under test before the database they use. */
async function stopAll(): Promise<void> {
  for (const stop of [...stops].reverse()) await stop().catch(() => undefined);
}

/**
 * Installs the signal handlers (the CLI does; library callers such as tests keep their own):
 * on a signal every registered resource is stopped, then the process exits with 128 + signal.
 */
export function handleInterruptions(): void {
  const codes = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
  for (const [signal, code] of Object.entries(codes)) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the benchmark's servers`);
      // Connections still open to a stopping database fail now; the run is over, so they may.
      process.on('uncaughtException', () => undefined);
      void stopAll().finally(() => process.exit(128 + code));
    });
  }
}
