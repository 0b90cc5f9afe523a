/**
 * The definitions ask for data the generator cannot make: a required field whose
 * `pattern` it cannot satisfy, a required unique field whose values run out, a required
 * reference to a type that gets no records, or required references that form a cycle.
 * Names the type and, where there is one, the field.
 */
export class SeedGenerationError extends Error {
  constructor(
    readonly entity: string,
    readonly field: string | undefined,
    readonly reason: string,
  ) {
    super(`Cannot generate ${field ? `${entity}.${field}` : entity}: ${reason}`);
    this.name = 'SeedGenerationError';
  }
}
