import { checkDefinitionRules } from './checkDefinitionRules';
import { checkDefinitionShape } from './checkDefinitionShape';
import type { DefinitionSource } from './DefinitionSource';
import { isRecord } from './isRecord';
import { formatPath, type PathSegment, type Report } from './formatPath';
import { MetadataError } from './MetadataError';
import { normaliseDefinition } from './normaliseDefinition';
import type { RawDefinition } from './RawDefinition';
import { readYamlDocument } from './readYamlDocument';
import { sortByDocumentOrder } from './sortByDocumentOrder';
import type { EntityDefinition } from './types';

export interface ParsedDefinition {
  /** Present only when the file has no problems. */
  readonly definition?: EntityDefinition;
  readonly errors: readonly MetadataError[];
  /** The `target`s of a file that has problems, so cross-file checks can still name bad ones. */
  readonly targets?: readonly DeclaredTarget[];
}

export interface DeclaredTarget {
  readonly field: string;
  readonly target: string;
}

/**
 * One definition file to an `EntityDefinition` (contract section 2): YAML syntax, then the
 * JSON Schema (`definition.schema.json`), then the rules the schema cannot express; every
 * problem is collected, in document order, before the definition is normalised.
 */
export function parseDefinition(source: DefinitionSource): ParsedDefinition {
  const problems: { path: readonly PathSegment[]; reason: string }[] = [];
  const seen = new Set<string>();
  const report: Report = (path, reason) => {
    const key = `${formatPath(path)}\n${reason}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ path, reason });
  };
  const toErrors = (list: typeof problems) =>
    list.map((problem) => new MetadataError(source.file, formatPath(problem.path), problem.reason));

  const yaml = readYamlDocument(source.text, report);
  if (!yaml.ok) return { errors: toErrors(problems) };

  checkDefinitionShape(yaml.value, report);
  checkDefinitionRules(yaml.value, source.file, report);
  if (problems.length > 0) {
    return { errors: toErrors(sortByDocumentOrder(problems, yaml.value)), targets: declaredTargets(yaml.value) };
  }

  return { definition: normaliseDefinition(yaml.value as RawDefinition, source.file), errors: [] };
}

function declaredTargets(document: unknown): DeclaredTarget[] {
  const fields = isRecord(document) ? document.fields : undefined;
  if (!isRecord(fields)) return [];
  return Object.entries(fields).flatMap(([field, spec]) =>
    isRecord(spec) && typeof spec.target === 'string' ? [{ field, target: spec.target }] : [],
  );
}
