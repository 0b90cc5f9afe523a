/**
 * The naming rules of definitions: what a valid name looks like, which file defines a type and
 * the default label of a name (contract section 2). Casing for GraphQL and SQL lives in `casing.ts`.
 */

/** camelCase: a lower-case letter, then letters and digits (`journalEntry`). */
export const CAMEL_CASE = /^[a-z][a-zA-Z0-9]*$/;

/** PostgreSQL truncates identifiers longer than this many bytes. */
export const MAX_SQL_IDENTIFIER_LENGTH = 63;

/** `journalEntry` -> `Journal entry`, `vatID` -> `Vat ID`: the default English label. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(' ');
  return words
    .map((word, index) => {
      if (word.length > 1 && word === word.toUpperCase()) return word;
      const lower = word.toLowerCase();
      return index === 0 ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
    })
    .join(' ');
}

/** The type name a file must define: `patient.yaml` -> `patient`. */
export function typeNameOfFile(file: string): string {
  return file.replace(/\.ya?ml$/, '');
}
