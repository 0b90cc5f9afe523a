import schema from '../../definition.schema.json';
import { shapeChecker } from './shapeChecker';

/**
 * Checks a parsed document against the JSON Schema of the definition format (repo root
 * `definition.schema.json`, the same file editors use), reporting every violation.
 */
export const checkDefinitionShape = shapeChecker(schema);
