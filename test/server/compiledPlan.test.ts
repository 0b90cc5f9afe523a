import { parse, type OperationDefinitionNode } from 'graphql';
import { TRAITS } from '../../src/metadata/traits';
import { resolverFactory } from '../../src/resolvers/resolverFactory';
import { buildSchema } from '../../src/schema/buildSchema';
import { compiledPlanOf } from '../../src/server/compiledPlan';
import { registryOf } from '../support/registries';

/** Two schemas with the same field names: `website` is a URL (not SQL-shaped) in one, a string in the other. */
const schemaWith = (websiteType: string, extra = '') =>
  buildSchema(
    registryOf({
      'company.yaml': `name: company\nplural: companies\nfields:\n  name: { type: string }\n  website: { type: ${websiteType} }\n${extra}`,
    }),
    resolverFactory,
    TRAITS,
  );

const operationOf = (query: string) => {
  const document = parse(query);
  return { document, operation: document.definitions[0] as OperationDefinitionNode };
};

describe('compiledPlanOf', () => {
  const urlSchema = schemaWith('url');
  const stringSchema = schemaWith('string', '  payload: { type: json }\n');

  it('decides per schema: the same document is planned for each schema on its own', () => {
    const { document, operation } = operationOf(`{ companies { nodes { name website } } }`);
    expect(compiledPlanOf(stringSchema, document, operation, {})).not.toBeNull();
    expect(compiledPlanOf(urlSchema, document, operation, {})).toBeNull();
    expect(compiledPlanOf(stringSchema, document, operation, {})).not.toBeNull();
  });

  it('decides per document, and reuses the decision for the same document', () => {
    const names = operationOf(`{ companies { nodes { name } } }`);
    const websites = operationOf(`{ companies { nodes { website } } }`);
    const plan = compiledPlanOf(urlSchema, names.document, names.operation, {});
    expect(plan?.reads.map((r) => r.key)).toEqual(['companies']);
    expect(compiledPlanOf(urlSchema, websites.document, websites.operation, {})).toBeNull();
    expect(compiledPlanOf(urlSchema, names.document, names.operation, {})).toBe(plan);
  });

  it('decides per value of the variables that @include and @skip read', () => {
    const { document, operation } = operationOf(
      `query($w: Boolean!, $n: Int) { companies(first: $n) { nodes { name ...site } } } fragment site on Company { website @include(if: $w) }`,
    );
    const without = compiledPlanOf(urlSchema, document, operation, { w: false, n: 1 });
    expect(without).not.toBeNull();
    expect(compiledPlanOf(urlSchema, document, operation, { w: true, n: 1 })).toBeNull();
    // Other variables do not change the decision: the plan is shared.
    expect(compiledPlanOf(urlSchema, document, operation, { w: false, n: 7 })).toBe(without);
  });

  it('answers with PostgreSQL text unless a stored JSON value is selected', () => {
    const plain = operationOf(`{ companies { nodes { name } } }`);
    const json = operationOf(`{ companies { nodes { name payload } } }`);
    expect(compiledPlanOf(stringSchema, plain.document, plain.operation, {})?.asText).toBe(true);
    expect(compiledPlanOf(stringSchema, json.document, json.operation, {})?.asText).toBe(false);
  });

  it('plans no root field without a compiled read', () => {
    const typename = operationOf(`{ __typename companies { nodes { name } } }`);
    expect(compiledPlanOf(stringSchema, typename.document, typename.operation, {})).toBeNull();
  });

  it('plans a mutation of one create or update field, and no other mutation', () => {
    const plan = (query: string, schema = stringSchema) => {
      const { document, operation } = operationOf(query);
      return compiledPlanOf(schema, document, operation, {});
    };
    const create = plan(`mutation { made: createCompany(input: { name: "A" }) { name } }`);
    expect(create?.write?.key).toBe('made');
    expect(create?.reads).toEqual([]);
    expect(plan(`mutation { updateCompany(id: "x", input: { name: "B" }) { name } }`)?.write?.field.name).toBe('updateCompany');
    // Not SQL-shaped, several root fields, a write that answers no record.
    expect(plan(`mutation { createCompany(input: { name: "A" }) { website } }`, urlSchema)).toBeNull();
    expect(plan(`mutation { a: createCompany(input: { name: "A" }) { name } b: createCompany(input: { name: "B" }) { name } }`)).toBeNull();
    expect(plan(`mutation { __typename createCompany(input: { name: "A" }) { name } }`)).toBeNull();
    expect(plan(`mutation { deleteCompany(id: "x") }`)).toBeNull();
  });
});
