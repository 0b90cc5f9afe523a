import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIELD_TYPES, ON_DELETE_ACTIONS, TRAIT_NAMES } from '../../src/metadata';

interface SchemaNode {
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly enum?: readonly string[];
}

const loadSchema = async (): Promise<SchemaNode> =>
  JSON.parse(await readFile(join(__dirname, '../../definition.schema.json'), 'utf8')) as SchemaNode;

/** Every property schema in the tree, with its path. */
function properties(node: SchemaNode, path: string): [string, SchemaNode][] {
  const own = Object.entries(node.properties ?? {}).flatMap(([key, child]) => [
    [`${path}.${key}`, child] as [string, SchemaNode],
    ...properties(child, `${path}.${key}`),
  ]);
  const nested = Object.entries(node.definitions ?? {}).flatMap(([key, child]) => properties(child, `#${key}`));
  return [...own, ...nested, ...(node.items ? properties(node.items, `${path}[]`) : [])];
}

describe('definition.schema.json', () => {
  it('describes every key, so editors show help', async () => {
    const undescribed = properties(await loadSchema(), '').filter(([, node]) => !node.description);
    expect(undescribed.map(([path]) => path)).toEqual([]);
  });

  it('lists the same field types, traits and onDelete actions as the model', async () => {
    const schema = await loadSchema();
    const field = schema.definitions?.field?.properties;
    expect(field?.type?.enum).toEqual(FIELD_TYPES);
    expect(field?.onDelete?.enum).toEqual(ON_DELETE_ACTIONS);
    expect(schema.properties?.traits?.items?.enum).toEqual(TRAIT_NAMES);
  });

  it('is mapped to the definition files for the YAML editor extension', async () => {
    const settings = JSON.parse(await readFile(join(__dirname, '../../.vscode/settings.json'), 'utf8')) as {
      'yaml.schemas': Record<string, string[]>;
    };
    expect(settings['yaml.schemas']['./definition.schema.json']).toContain('metadata-definitions/*.yaml');
  });
});
