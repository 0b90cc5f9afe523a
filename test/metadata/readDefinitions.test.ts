import { join } from 'node:path';
import { InvalidDefinitionsError, readDefinitions } from '../../src/metadata';

const fixture = (name: string) => join(__dirname, '../fixtures', name);

describe('readDefinitions', () => {
  it('reads the .yaml and .yml files sorted by name, skipping hidden and other files', async () => {
    const sources = await readDefinitions(fixture('valid'));
    expect(sources.map((source) => source.file)).toEqual(['account.yml', 'contact.yaml']);
    expect(sources[0]?.text).toContain('name: account');
  });

  it('returns nothing for a directory without definitions', async () => {
    expect(await readDefinitions(fixture('empty'))).toEqual([]);
  });

  it('rejects a missing directory', async () => {
    const dir = fixture('does-not-exist');
    const error = await readDefinitions(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidDefinitionsError);
    expect((error as InvalidDefinitionsError).problems.map(String)).toEqual([
      `${dir}: (root): definitions directory not found`,
    ]);
  });

  it('rejects a file given as the directory', async () => {
    const file = join(fixture('valid'), 'contact.yaml');
    const error = (await readDefinitions(file).catch((caught: unknown) => caught)) as InvalidDefinitionsError;
    expect(error.problems.map(String)).toEqual([`${file}: (root): is not a directory`]);
  });
});
