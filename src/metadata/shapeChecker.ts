import Ajv, { type ValidateFunction } from 'ajv';
import { describeAjvError } from './describeAjvError';
import type { Report } from './formatPath';

/**
 * A check of documents against a JSON Schema (the files at the repo root that editors also
 * use), compiled once on first use, reporting every violation in the format's words.
 */
export function shapeChecker(schema: object): (document: unknown, report: Report) => void {
  let validator: ValidateFunction | undefined;
  return (document, report) => {
    validator ??= new Ajv({ allErrors: true, allowUnionTypes: true, verbose: true }).compile(schema);
    if (validator(document)) return;
    for (const error of validator.errors ?? []) {
      const problem = describeAjvError(error, document);
      if (problem) report(problem.path, problem.reason);
    }
  };
}
