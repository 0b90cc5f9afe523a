import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary definitions directory whose files a test rewrites under a running server. */
export interface DefinitionFiles {
  readonly dir: string;
  /** Replaces the whole set: files not named are removed. */
  write(files: Record<string, string>): void;
  remove(): void;
}

/** Files last changed long ago, like a server's checkout that missed newer versions. */
export const LONG_AGO = new Date('2020-01-01T00:00:00Z');

export function definitionFiles(files: Record<string, string>, modified?: Date): DefinitionFiles {
  const dir = mkdtempSync(join(tmpdir(), 'relata-defs-'));
  const write = (next: Record<string, string>) => {
    for (const file of readdirSync(dir)) if (!(file in next)) rmSync(join(dir, file));
    for (const [file, text] of Object.entries(next)) {
      writeFileSync(join(dir, file), text);
      if (modified) utimesSync(join(dir, file), modified, modified);
    }
  };
  write(files);
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls `probe` until it returns a value that is not undefined, or fails after `ms`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, ms = 15000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
