import { checkDefinitions, type DefinitionSource } from '../../src/metadata';
import type { MetadataRegistry } from '../../src/metadata/MetadataRegistry';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAMPLE_DEFINITIONS } from './testServer';

/** A registry from YAML texts by file name; fails the test when they are invalid. */
export function registryOf(files: Record<string, string>): MetadataRegistry {
  const sources: DefinitionSource[] = Object.entries(files).map(([file, text]) => ({ file, text }));
  const { registry, problems } = checkDefinitions(sources);
  if (!registry) throw new Error(problems.map(String).join('\n'));
  return registry;
}

/** The registry of the shipped sample definitions. */
export function sampleRegistry(): MetadataRegistry {
  const files = readdirSync(SAMPLE_DEFINITIONS).filter((f) => f.endsWith('.yaml'));
  return registryOf(Object.fromEntries(files.map((f) => [f, readFileSync(join(SAMPLE_DEFINITIONS, f), 'utf8')])));
}
