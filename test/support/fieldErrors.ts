import type { GraphQLResponse } from './testServer';

/** The `field` of each fieldError of a BAD_USER_INPUT answer, failing the test for any other answer. */
export function fieldErrors(result: GraphQLResponse): string[] {
  expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (result.errors![0]!.extensions!.fieldErrors as { field: string }[]).map((e) => e.field);
}
