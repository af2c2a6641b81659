/** Output destinations of jobs: webhooks (signed, retried, egress-checked) and files under a root. */
export { createDeliverer, type Deliverer, type DelivererOptions, type DeliveryRequest } from './create-deliverer.ts'
export { validateDestinations, MAX_DESTINATIONS } from './validate-destinations.ts'
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './sign-webhook.ts'
export { WEBHOOK_RETRY_DEFAULTS, type WebhookPayload } from './send-webhook.ts'
export { formatOutput, toCsv, OUTPUT_FORMATS, type OutputFormat } from './format-output.ts'
export { PATH_VARIABLES, renderPath } from './render-path.ts'
export { DeliveryRefused } from './delivery-refused.ts'
export type { Lookup } from './webhook-target.ts'
