/**
 * The durable job queue and output destinations. Build one per server:
 *
 *   const settings = readJobSettings(config)
 *   const jobs = createJobService({ store: createSqliteJobStore(sqliteStore), engine, registry, events, logger }, settings)
 *   jobs.start()            // claim and run due jobs on this node
 *   await jobs.close()      // before engine.close()
 */
export { createJobService, defaultNodeId, type JobServiceDeps } from './job-service.ts'
export { createSqliteJobStore } from './sqlite/sqlite-job-store.ts'
export { JOB_LIST_FIELDS } from './sqlite/list-jobs.ts'
export { readJobSettings, JOB_DEFAULTS, type JobSettings, type OutputSettings, type BackoffSettings } from './settings.ts'
export { backoffDelay, fullBackoff, type BackoffPolicy } from './backoff.ts'
export { toJobRecord, type ClaimedJob, type JobPatch, type JobStore, type NewJob, type StoredJob, type TransitionGuard } from './job-store.ts'
export { validateJobRequest, MAX_RETRIES_LIMIT } from './validate-job-request.ts'
export {
  createDeliverer,
  validateDestinations,
  signWebhook,
  verifyWebhookSignature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  WEBHOOK_RETRY_DEFAULTS,
  formatOutput,
  toCsv,
  PATH_VARIABLES,
  DeliveryRefused,
  type Deliverer,
  type DelivererOptions,
  type DeliveryRequest,
  type Lookup,
  type OutputFormat,
  type WebhookPayload,
} from './destinations/index.ts'
export * from './types.ts'
