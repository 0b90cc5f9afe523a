import type { Database } from '../entities/database';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';

/** Who is calling, from the verified token (issue 2, item 7). */
export interface Viewer {
  readonly sub: string;
  readonly roles: readonly string[];
}

/** Per-request state handed to every resolver. */
export interface RequestContext {
  readonly viewer: Viewer;
  readonly db: Database;
  readonly registry: MetadataRegistry;
}
