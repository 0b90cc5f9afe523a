/** One step into a definition document: a key of a mapping or an index of a list. */
export type PathSegment = string | number;

/** Where a check reports a problem: the path inside the document and a human reason. */
export type Report = (path: readonly PathSegment[], reason: string) => void;

/**
 * The dotted path of a problem (contract section 2): `fields.insurer.target`,
 * `layout[1].fields[2]`; the root is `''`. Keys that are not plain names are quoted.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let result = '';
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) result += result === '' ? segment : `.${segment}`;
    else result += `[${JSON.stringify(segment)}]`;
  }
  return result;
}
