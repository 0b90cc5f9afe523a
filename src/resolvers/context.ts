import type { AccessPolicy } from '../access/AccessPolicy';
import type { Database } from '../entities/database';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';

/** Who is calling, from the verified token or API key (issue 5). */
export interface Viewer {
  readonly sub: string;
  readonly roles: readonly string[];
  readonly teams: readonly string[];
  readonly areas: readonly string[];
  /** The id of the API key that made the call, when it was one. */
  readonly apiKey?: string;
}

/** Per-request state handed to every resolver. */
export interface RequestContext {
  readonly viewer: Viewer;
  readonly db: Database;
  readonly registry: MetadataRegistry;
  /** What the viewer's roles may do; the schema they got was built from it. */
  readonly access: AccessPolicy;
}
