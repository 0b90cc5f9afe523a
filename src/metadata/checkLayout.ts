import { didYouMean } from './closestName';
import type { PathSegment, Report } from './formatPath';
import { formatPath } from './formatPath';
import { isRecord } from './isRecord';
import { BUILT_IN_FIELDS, TRAIT_FIELDS } from './reservedNames';
import type { TraitName } from './types';

/**
 * Every name in the layout is a field of the record (declared, built in, or added by one of
 * the type's traits), and each appears at most once in the whole layout (contract section 2).
 */
export function checkLayout(
  layout: unknown,
  fieldNames: readonly string[],
  traits: readonly TraitName[],
  report: Report,
): void {
  if (!Array.isArray(layout)) return;
  const known = new Set([...fieldNames, ...BUILT_IN_FIELDS, ...traits.flatMap((trait) => TRAIT_FIELDS[trait])]);
  const placed = new Map<string, readonly PathSegment[]>();
  layout.forEach((section: unknown, sectionIndex) => {
    if (!isRecord(section) || !Array.isArray(section.fields)) return;
    section.fields.forEach((name: unknown, fieldIndex) => {
      if (typeof name !== 'string') return;
      const path = ['layout', sectionIndex, 'fields', fieldIndex];
      if (!known.has(name)) {
        report(path, `unknown field "${name}"${didYouMean(name, fieldNames)}`);
        return;
      }
      const previous = placed.get(name);
      if (previous) report(path, `"${name}" is already placed at ${formatPath(previous)}`);
      else placed.set(name, path);
    });
  });
}
