import type { PathSegment } from './formatPath';
import { isRecord } from './isRecord';

/**
 * Sorts problems (stably) by where their path points in the document, so a report reads top
 * to bottom like the file. Keys missing from the document sort after their siblings.
 */
export function sortByDocumentOrder<T extends { readonly path: readonly PathSegment[] }>(
  problems: readonly T[],
  document: unknown,
): T[] {
  const keyed = problems.map((problem, index) => ({ problem, index, position: positionOf(problem.path, document) }));
  keyed.sort((a, b) => comparePositions(a.position, b.position) || a.index - b.index);
  return keyed.map((entry) => entry.problem);
}

function positionOf(path: readonly PathSegment[], document: unknown): number[] {
  const position: number[] = [];
  let node = document;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') {
      position.push(segment);
      node = node[segment];
    } else if (isRecord(node)) {
      const index = Object.keys(node).indexOf(String(segment));
      position.push(index === -1 ? Number.MAX_SAFE_INTEGER : index);
      node = node[String(segment)];
    } else {
      position.push(Number.MAX_SAFE_INTEGER);
      node = undefined;
    }
  }
  return position;
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}
