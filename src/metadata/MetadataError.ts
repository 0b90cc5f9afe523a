/**
 * One problem in a definition file: the file, the dotted path inside it and the reason
 * (contract section 2). Validation collects these; only `assertValid*` helpers throw.
 */
export class MetadataError {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly reason: string,
  ) {}

  toString(): string {
    return `${this.file}: ${this.path || '(root)'}: ${this.reason}`;
  }
}

/** Thrown when a definition set has problems; carries every one of them. */
export class InvalidDefinitionsError extends Error {
  constructor(readonly problems: readonly MetadataError[]) {
    super(
      `${problems.length} problem(s) in the definitions:\n` + problems.map((p) => `  ${p.toString()}`).join('\n'),
    );
    this.name = 'InvalidDefinitionsError';
  }
}
