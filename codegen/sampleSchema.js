// The schema of the sample definitions, for graphql-codegen (codegen.yml). Uses the
// compiled engine, so `npm run codegen` builds first.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { lexicographicSortSchema } = require('graphql');
const { checkDefinitions } = require('../dist/src/metadata');
const { buildSchema } = require('../dist/src/schema/buildSchema');
const { TRAITS } = require('../dist/src/metadata/traits');
const { resolverFactory } = require('../dist/src/resolvers/resolverFactory');

const dir = join(__dirname, '..', 'metadata-definitions');
const sources = readdirSync(dir)
  .filter((file) => /\.ya?ml$/.test(file))
  .sort()
  .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
const { registry, problems } = checkDefinitions(sources);
if (!registry) throw new Error(problems.map(String).join('\n'));
module.exports = lexicographicSortSchema(buildSchema(registry, resolverFactory, TRAITS));
