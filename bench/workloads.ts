import type { HttpWorkload } from './HttpWorkload';
import { listWorkload } from './workloads/listWorkload';
import { pointWorkload } from './workloads/pointWorkload';
import { segmentWorkload } from './workloads/segmentWorkload';
import { writeWorkload } from './workloads/writeWorkload';

/**
 * The request workloads of issue 3, in the order they run: reads first, so that the
 * persons the write workload adds do not change what the reads return.
 */
export const HTTP_WORKLOADS: readonly HttpWorkload<any>[] = [pointWorkload, listWorkload, segmentWorkload, writeWorkload];

/** Every workload name `--workloads` accepts: the request workloads, then `schema`, `load` and `import`. */
export const WORKLOAD_NAMES: readonly string[] = [...HTTP_WORKLOADS.map((w) => w.name), 'schema', 'load', 'import'];

export function httpWorkload(name: string): HttpWorkload<any> {
  const workload = HTTP_WORKLOADS.find((w) => w.name === name);
  if (!workload) throw new Error(`Unknown workload "${name}"`);
  return workload;
}
