import type { SeedReport } from './benchDatabase';
import type { CheckReport } from './checkResults';
import type { WorkloadStats } from './drive';
import type { ImportBenchReport } from './importWorkload';
import type { LoadReport } from './loadWorkload';
import type { SchemaReport } from './schemaWorkload';

/** One target of issue 3 and whether this run met it. */
export interface TargetVerdict {
  readonly workload: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Everything one run measured: printed as a table and written as JSON for comparison over time. */
export interface BenchResult {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly options: Readonly<Record<string, unknown>>;
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGb: number;
    readonly node: string;
    readonly platform: string;
    /** 1-minute load average before and after: other work on the machine skews every figure. */
    readonly loadAverage: { readonly start: number; readonly end: number };
  };
  readonly database: { readonly kind: string; readonly serverVersion: string };
  readonly seed?: SeedReport;
  readonly checks: readonly CheckReport[];
  readonly workloads: readonly WorkloadStats[];
  readonly schema?: SchemaReport;
  readonly load?: LoadReport;
  readonly import?: ImportBenchReport;
  readonly targets: readonly TargetVerdict[];
  /** Why the run failed (errors or non-2xx under load); empty when it passed. */
  readonly failures: readonly string[];
}
