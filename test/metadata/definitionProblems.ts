import { checkDefinitions, parseDefinition, type EntityDefinition } from '../../src/metadata';

/** The problems of a definition set given as `{ 'file.yaml': text }`, as `file: path: reason` lines. */
export function problemsOf(files: Readonly<Record<string, string>>): string[] {
  return checkDefinitions(Object.entries(files).map(([file, text]) => ({ file, text }))).problems.map(String);
}

/** The problems of `thing.yaml` declaring `name: thing` and the given field lines. */
export function problemsOfFields(...fieldLines: string[]): string[] {
  return problemsOf({ 'thing.yaml': thing(...fieldLines) });
}

/** The text of `thing.yaml` with the given field lines (and optional extra top-level lines). */
export function thing(...fieldLines: string[]): string {
  return `name: thing\nfields:\n${fieldLines.map((line) => `  ${line}`).join('\n')}\n`;
}

/** The normalised definition of `file`, failing the test with its problems when it has any. */
export function definitionOf(text: string, file = 'thing.yaml'): EntityDefinition {
  const { definition, errors } = parseDefinition({ file, text });
  if (!definition) throw new Error(`unexpected problems:\n${errors.map(String).join('\n')}`);
  return definition;
}
