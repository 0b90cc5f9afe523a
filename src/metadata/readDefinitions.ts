import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DefinitionSource } from './DefinitionSource';
import { InvalidDefinitionsError, MetadataError } from './MetadataError';

/**
 * The only I/O of the metadata layer: every `*.yaml` / `*.yml` file of `dir` (hidden files
 * skipped), sorted by name. A missing or unreadable directory or file throws
 * `InvalidDefinitionsError` naming it.
 */
export async function readDefinitions(dir: string): Promise<DefinitionSource[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new InvalidDefinitionsError([new MetadataError(dir, '', describeFsError(error, 'definitions directory'))]);
  }
  const files = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && /^[^.].*\.ya?ml$/.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const problems: MetadataError[] = [];
  const sources = await Promise.all(
    files.map(async (file) => {
      try {
        return { file, text: await readFile(join(dir, file), 'utf8') };
      } catch (error) {
        problems.push(new MetadataError(file, '', describeFsError(error, 'file')));
        return undefined;
      }
    }),
  );
  if (problems.length > 0) throw new InvalidDefinitionsError(problems);
  return sources.filter((source): source is DefinitionSource => source !== undefined);
}

function describeFsError(error: unknown, what: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${what} not found`;
  if (code === 'ENOTDIR') return 'is not a directory';
  if (code === 'EISDIR') return `${what} is a directory`;
  return `cannot read ${what}: ${error instanceof Error ? error.message : String(error)}`;
}
