'use strict';
/**
 * A require hook for the child processes the benchmark smoke test starts (`node -r` this
 * file): compiles `.ts` sources with swc, with the options jest.config.js uses, so that the
 * children run bench/*.ts and src/ without a build.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
