// Lint holds what the style guide (shared/style.md) asks the tool to hold: no import cycles,
// dependencies one way between the layers, files under the hard size budget.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Layer `target` may not import from `from` (style guide, point 9). */
const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/generated/**', 'coverage/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/entities', ['./src/schema', './src/resolvers', './src/server'], 'storage knows nothing of GraphQL or requests'),
            zone('./src/metadata', ['./src/server'], 'the model does not know the server'),
            zone('./src/schema', ['./src/server', './src/transfer', './src/selections'], 'the schema is built from the model alone'),
            zone('./src/resolvers', ['./src/server'], 'resolvers do not know the server wiring'),
          ],
        },
      ],
      'max-lines': ['error', { max: 600, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // Tests and the benchmark read GraphQL answers as `any`, as a client without generated types would.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The few plain .js files are CommonJS entry points (bin/relata.js, the test require hook).
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
