import type { ErrorObject } from 'ajv';
import { didYouMean } from './closestName';
import type { PathSegment } from './formatPath';
import { isRecord } from './isRecord';
import { CAMEL_CASE } from './naming';
import { TRAIT_NAMES } from './types';

const CAMEL_CASE_HINT = 'camelCase (a lower-case letter, then letters and digits)';
const LOCALE_PATTERN = '^[a-z]{2}(-[A-Z]{2})?$';
const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null',
};

/** A schema violation in the words of the definition format: where and why. */
export interface DescribedProblem {
  readonly path: readonly PathSegment[];
  readonly reason: string;
}

/**
 * Turns one ajv error (from a validator compiled with `verbose: true`) into a path and a human
 * reason: `unknown key "colour"`, `must be one of: ...`, `is required`. Returns undefined for
 * errors that only summarise others (`propertyNames`).
 */
export function describeAjvError(error: ErrorObject, document: unknown): DescribedProblem | undefined {
  const path = pointerToPath(error.instancePath, document);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const properties = isRecord(error.parentSchema?.properties) ? Object.keys(error.parentSchema.properties) : [];
      return { path: [...path, key], reason: `unknown key "${key}"${didYouMean(key, properties)}` };
    }
    case 'required':
      return { path: [...path, String(params.missingProperty)], reason: 'is required' };
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues.map(String) : [];
      if (path.length === 2 && path[0] === 'traits') {
        return { path, reason: `unknown trait "${String(error.data)}" (known: ${TRAIT_NAMES.join(', ')})` };
      }
      return { path, reason: `must be one of: ${allowed.join(', ')}` };
    }
    case 'type': {
      const types = Array.isArray(params.type) ? params.type.map(String) : [String(params.type)];
      if (types.length === 1 && types[0] === 'boolean') return { path, reason: 'must be true or false' };
      return { path, reason: `must be ${types.map((type) => TYPE_WORDS[type] ?? type).join(' or ')}` };
    }
    case 'pattern':
      return describePattern(String(params.pattern), path, error.propertyName);
    case 'propertyNames':
    case 'if': // the failing then/else branch is reported by itself
      return undefined;
    case 'minLength':
    case 'minItems':
    case 'minProperties':
      if (params.limit === 1) return { path, reason: 'must not be empty' };
      return { path, reason: `must have at least ${String(params.limit)} entries` };
    case 'minimum':
      return { path, reason: `must be at least ${String(params.limit)}` };
    case 'uniqueItems': {
      const index = Math.max(Number(params.i), Number(params.j)); // the later of the two equal items
      const item: unknown = Array.isArray(error.data) ? error.data[index] : undefined;
      return { path: [...path, index], reason: `duplicate entry ${JSON.stringify(item)}` };
    }
    default:
      return { path, reason: error.message ?? `fails the ${error.keyword} rule` };
  }
}

function describePattern(
  pattern: string,
  path: readonly PathSegment[],
  propertyName: string | undefined,
): DescribedProblem {
  if (propertyName !== undefined) {
    const at = [...path, propertyName];
    if (pattern === LOCALE_PATTERN) return { path: at, reason: `"${propertyName}" is not a locale like en or de-CH` };
    if (pattern === CAMEL_CASE.source) return { path: at, reason: `field name must be ${CAMEL_CASE_HINT}` };
    return { path: at, reason: `key must match pattern ${pattern}` };
  }
  if (pattern === CAMEL_CASE.source) return { path, reason: `must be ${CAMEL_CASE_HINT}` };
  if (path.length === 1 && path[0] === 'retention') {
    return { path, reason: 'must be an ISO-8601 duration like P10Y, P6M or P30D, or { afterDays: N, action: anonymise }' };
  }
  return { path, reason: `must match pattern ${pattern}` };
}

/** `/layout/1/fields/2` -> `['layout', 1, 'fields', 2]`, using the document to tell lists from mappings. */
function pointerToPath(pointer: string, document: unknown): PathSegment[] {
  const path: PathSegment[] = [];
  let node = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(key));
      node = node[Number(key)];
    } else {
      path.push(key);
      node = isRecord(node) ? node[key] : undefined;
    }
  }
  return path;
}
