import type { FormattedExecutionResult } from 'graphql';
import { JsonText } from './JsonText';

/**
 * Apollo's `stringifyResult`: a result whose data holds only `JsonText` (or null) per root
 * field is spliced from those texts; anything else is `JSON.stringify`d exactly as Apollo's
 * default does (`JsonText.toJSON` parses, should a plugin have added errors or extensions).
 * Both give the same bytes for the same answer.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  return (result.errors === undefined && result.extensions === undefined && spliced(result.data)) || `${JSON.stringify(result)}\n`;
}

function spliced(data: FormattedExecutionResult['data']): string | undefined {
  if (!data || Object.getPrototypeOf(data) !== Object.prototype) return undefined;
  let body = '{"data":{';
  let first = true;
  for (const [key, value] of Object.entries(data)) {
    if (value !== null && !(value instanceof JsonText)) return undefined;
    body += `${first ? '' : ','}${JSON.stringify(key)}:${value === null ? 'null' : value.text}`;
    first = false;
  }
  return `${body}}}\n`;
}
