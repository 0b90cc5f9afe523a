import type { Queryable } from '../entities/database';
import { installLists } from '../entities/masterListStore';
import { listNamesOf } from '../metadata/listNames';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';
import { SAMPLE_LISTS } from './sampleLists';

/** Fills each shipped list the model uses while it is still empty (issue 6: lists ship as seed data). */
export async function installSampleLists(db: Queryable, registry: MetadataRegistry): Promise<void> {
  const used = listNamesOf(registry).filter((name) => Object.hasOwn(SAMPLE_LISTS, name));
  await installLists(db, Object.fromEntries(used.map((name) => [name, SAMPLE_LISTS[name]!])));
}
