import type { AccessPolicy } from '../access/AccessPolicy';
import type { MetadataRegistry } from '../metadata/MetadataRegistry';

/**
 * Per-role schemas (issue 5), keyed by (model version, role-set fingerprint), never by
 * user: a few roles give a few entries however many users call. Single-flight (concurrent
 * callers share one build) and bounded: past `maxEntries` the least recently used entry
 * is handed to `onEvict`. A failed build is not kept.
 */
export class SchemaCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  private newest: string | undefined;

  constructor(
    private readonly maxEntries: number,
    private readonly onEvict: (value: Promise<T>) => void = () => undefined,
  ) {}

  get(registry: MetadataRegistry, access: AccessPolicy, build: () => Promise<T>): Promise<T> {
    const key = `${registry.version}/${access.fingerprint}`;
    let entry = this.entries.get(key);
    if (entry) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      // The most recent key (every request, with one role set) is already in place.
      if (key !== this.newest) {
        this.entries.delete(key);
        this.entries.set(key, entry);
        this.newest = key;
      }
      return entry;
    }
    this.newest = key;
    entry = build();
    this.entries.set(key, entry);
    entry.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const [oldest, value] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      this.onEvict(value);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every cached value, e.g. to stop them all at shutdown. */
  values(): Promise<T>[] {
    return [...this.entries.values()];
  }
}
