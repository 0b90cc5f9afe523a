import { resolve } from 'node:path';
import { loadDefinitions } from '../metadata';
import { InvalidDefinitionsError } from '../metadata/MetadataError';

/** `relata validate [dir]`: every problem as `file: path: reason`, exit 1 if any. */
export async function validateCommand(dir: string): Promise<number> {
  try {
    const registry = await loadDefinitions(resolve(dir));
    // Types a trait adds (journalEntry) are not definition files.
    const defined = registry.entities.filter((e) => !e.builtIn);
    console.log(`${defined.length} definitions are valid (${defined.map((e) => e.name).join(', ')})`);
    return 0;
  } catch (error) {
    if (!(error instanceof InvalidDefinitionsError)) throw error;
    for (const problem of error.problems) console.error(problem.toString());
    console.error(`${error.problems.length} problem(s) found`);
    return 1;
  }
}
