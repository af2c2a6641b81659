import { createEventBus } from '../../src/events/index.ts'
import type { DomainEvent } from '../../src/events/types.ts'
import { createJobService, createSqliteJobStore, type JobServiceDeps, type JobSettings, type JobStore } from '../../src/jobs/index.ts'
import type { JobRecord, JobService, JobStatus } from '../../src/jobs/types.ts'
import type { TaskPackage } from '../../src/tasks/types.ts'
import { openHarness, type Harness, type HarnessOptions } from '../helpers/with-engine.ts'

/** Fast settings for tests: tiny poll and backoff, webhooks to 127.0.0.1 allowed unless overridden. */
export function testSettings(overrides: Partial<JobSettings> = {}, root = '/tmp/ratchet-test-outputs'): JobSettings {
  return {
    enabled: true,
    pollIntervalMs: 20,
    leaseSeconds: 5,
    maxConcurrent: 2,
    maxRetries: 3,
    retry: { initialDelayMs: 60, maxDelayMs: 1000, multiplier: 2 },
    ...overrides,
    output: { filesystemRoot: root, webhookTimeoutSeconds: 5, maxConcurrentDeliveries: 4, fetch: { allowedHosts: ['127.0.0.1'], deniedHosts: [] }, ...overrides.output },
  }
}

export interface JobHarness extends Harness {
  jobs: JobService & { nodeId: string }
  jobStore: JobStore
  events: DomainEvent[]
  tasks: Map<string, TaskPackage>
  /** Resolves with the job once `check` holds (polls the store), or throws with its last state. */
  waitForJob(id: string, check: (job: JobRecord) => boolean | Promise<boolean>, timeoutMs?: number): Promise<JobRecord>
  waitForStatus(id: string, status: JobStatus, timeoutMs?: number): Promise<JobRecord>
}

export async function openJobHarness(options: { tasks: TaskPackage[]; settings?: JobSettings; engine?: HarnessOptions; deps?: Partial<JobServiceDeps>; start?: boolean }): Promise<JobHarness> {
  const h = await openHarness({ pool: { count: 2 }, ...options.engine })
  const tasks = new Map(options.tasks.map((task) => [task.name, task]))
  const bus = createEventBus()
  const events: DomainEvent[] = []
  bus.subscribe((event) => events.push(event))
  const jobStore = createSqliteJobStore(h.store)
  const jobs = createJobService({ store: jobStore, engine: h.engine, registry: { get: (name) => tasks.get(name) }, events: bus, logger: h.logger, ...options.deps }, options.settings ?? testSettings())
  if (options.start !== false) jobs.start()
  const waitForJob = async (id: string, check: (job: JobRecord) => boolean | Promise<boolean>, timeoutMs = 5000) => {
    const deadline = Date.now() + timeoutMs
    let job = await jobs.get(id)
    while (!(job && (await check(job))) && Date.now() < deadline) {
      await Bun.sleep(10)
      job = await jobs.get(id)
    }
    if (!job || !(await check(job))) throw new Error(`job ${id} did not reach the expected state: ${JSON.stringify(job)}`)
    return job
  }
  return {
    ...h,
    jobs,
    jobStore,
    events,
    tasks,
    waitForJob,
    waitForStatus: (id, status, timeoutMs) => waitForJob(id, (job) => job.status === status, timeoutMs),
    async close() {
      await jobs.close({ graceMs: 500 })
      await h.close()
    },
  }
}
