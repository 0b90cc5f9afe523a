import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../definition.schema.json';
import { describeAjvError } from './describeAjvError';
import type { Report } from './formatPath';

let validator: ValidateFunction | undefined;

/** The validator for `definition.schema.json`, compiled once on first use. */
function definitionValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, allowUnionTypes: true, verbose: true }).compile(schema);
  return validator;
}

/**
 * Checks a parsed document against the JSON Schema of the definition format (repo root
 * `definition.schema.json`, the same file editors use), reporting every violation.
 */
export function checkDefinitionShape(document: unknown, report: Report): void {
  const validate = definitionValidator();
  if (validate(document)) return;
  for (const error of validate.errors ?? []) {
    const problem = describeAjvError(error, document);
    if (problem) report(problem.path, problem.reason);
  }
}
