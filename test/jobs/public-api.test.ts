import { expect, test } from 'bun:test'
import * as jobs from '../../src/jobs/index.ts'

test('the public exports of src/jobs are the documented ones', () => {
  expect(Object.keys(jobs).sort()).toEqual([
    'DeliveryRefused',
    'JOB_DEFAULTS',
    'JOB_LIST_FIELDS',
    'JOB_PRIORITIES',
    'JOB_STATUSES',
    'MAX_RETRIES_LIMIT',
    'PATH_VARIABLES',
    'SIGNATURE_HEADER',
    'TIMESTAMP_HEADER',
    'WEBHOOK_RETRY_DEFAULTS',
    'backoffDelay',
    'createDeliverer',
    'createJobService',
    'createSqliteJobStore',
    'defaultNodeId',
    'formatOutput',
    'fullBackoff',
    'readJobSettings',
    'signWebhook',
    'toCsv',
    'toJobRecord',
    'validateDestinations',
    'validateJobRequest',
    'verifyWebhookSignature',
  ])
})
