/** Prometheus metrics for `GET /metrics`. */
export { createMetrics, EXECUTION_BUCKETS, HTTP_BUCKETS, PROMETHEUS_CONTENT_TYPE, type Metrics, type MetricsDeps } from './create-metrics.ts'
export { formatValue, MetricRegistry, type MetricType } from './prometheus-registry.ts'
