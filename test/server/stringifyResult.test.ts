import { JsonText } from '../../src/server/JsonText';
import { stringifyResult } from '../../src/server/stringifyResult';

/** What Apollo's default `stringifyResult` (prettyJSONStringify) writes. */
const apolloDefault = (result: object) => `${JSON.stringify(result)}\n`;

// PostgreSQL's json output: spaces after ':' and ',' between members and elements.
const POSTGRES_TEXT = String.raw`{"nodes" : [{"id" : 1, "note" : "a\", \"b\" : {\"c\" : 1}, {", "tags" : ["x, y","z"]}, {"id" : 2, "note" : "back\\", "more" : "\\\" : \\", "tab" : "\t\n ", "n" : null, "t" : true, "e" : "é ü ,  : "}]}`;

describe('stringifyResult', () => {
  it('writes PostgreSQL JSON text exactly as JSON.stringify writes the parsed value', () => {
    const parsed = JSON.parse(POSTGRES_TEXT);
    const data = { list: JsonText.fromPostgres(POSTGRES_TEXT), missing: null };
    expect(stringifyResult({ data })).toBe(apolloDefault({ data: { list: parsed, missing: null } }));
  });

  it('leaves text without whitespace as it is', () => {
    expect(JsonText.fromPostgres('{"a":"b c"}').text).toBe('{"a":"b c"}');
  });

  it('serialises as Apollo does when errors or extensions are present, or data is not all JSON text', () => {
    const text = JsonText.fromPostgres('{"a" : 1}');
    const withErrors = { errors: [{ message: 'boom' }], data: { x: text } };
    expect(stringifyResult(withErrors)).toBe(apolloDefault({ errors: [{ message: 'boom' }], data: { x: { a: 1 } } }));
    const withExtensions = { data: { x: text }, extensions: { cost: 1 } };
    expect(stringifyResult(withExtensions)).toBe(apolloDefault({ data: { x: { a: 1 } }, extensions: { cost: 1 } }));
    const mixed = { data: { x: text, y: { b: 2 } } };
    expect(stringifyResult(mixed)).toBe(apolloDefault({ data: { x: { a: 1 }, y: { b: 2 } } }));
    const executed = { errors: undefined, data: Object.assign(Object.create(null), { x: null }), extensions: undefined };
    expect(stringifyResult(executed)).toBe('{"data":{"x":null}}\n');
  });
});
