import { describe, expect, test } from 'bun:test'
import { createEventBus, type DomainEvent } from '../../src/events/index.ts'
import { maskWebhookUrl } from '../../src/events/mask-url.ts'

function published(input: Parameters<ReturnType<typeof createEventBus>['publish']>[0]): DomainEvent {
  const bus = createEventBus()
  const seen: DomainEvent[] = []
  bus.subscribe((event) => seen.push(event))
  bus.publish(input)
  return seen[0]!
}

describe('what events may carry', () => {
  test('job events keep an error\'s type, code, message and reason but drop details, stack and source', () => {
    const event = published({
      type: 'job.dead_letter',
      taskName: 'report',
      jobId: 'job-1',
      data: { job_id: 'job-1', last_error: { type: 'OutputInvalid', code: 'OUTPUT_INVALID', message: 'bad output', reason: 'schema', details: { output: { ssn: '123' } }, stack: 'at main (task.ts:1)', location: { file: 'task.ts', line: 1, source: 'secret()' } } },
    })
    expect(event.data.last_error).toEqual({ type: 'OutputInvalid', code: 'OUTPUT_INVALID', message: 'bad output', reason: 'schema' })
    expect(JSON.stringify(event)).not.toContain('123')
  })

  test('no event carries input or output, whoever publishes it', () => {
    const event = published({ type: 'job.completed', jobId: 'job-1', data: { job_id: 'job-1', input: { a: 1 }, output: { b: 2 }, input_data: { c: 3 } } })
    expect(event.data).toEqual({ job_id: 'job-1' })
  })

  test('delivery events show a webhook URL without its path and query values, also where the error quotes it', () => {
    const url = 'https://hooks.slack.example/services/T000/B000/SECRETTOKEN?token=abc&x=1'
    const event = published({ type: 'job.delivery', jobId: 'job-1', data: { job_id: 'job-1', type: 'webhook', target: url, error: `network error: could not reach ${url}` } })
    expect(event.data.target).toBe('https://hooks.slack.example/***?token=***&x=***')
    expect(event.data.error).toBe('network error: could not reach https://hooks.slack.example/***?token=***&x=***')
    expect(JSON.stringify(event)).not.toContain('SECRETTOKEN')
    expect(JSON.stringify(event)).not.toContain('abc')
  })

  test('filesystem delivery targets are shown as written', () => {
    const event = published({ type: 'job.delivery', jobId: 'job-1', data: { type: 'filesystem', target: '/out/report/job-1.json' } })
    expect(event.data.target).toBe('/out/report/job-1.json')
  })
})

describe('maskWebhookUrl', () => {
  test.each([
    ['https://hooks.slack.example/services/T000/B000/SECRETTOKEN?token=abc', true, 'https://hooks.slack.example/services/T000/B000/SECRETTOKEN?token=***'],
    ['https://hooks.slack.example/services/T000/B000/SECRETTOKEN?token=abc', false, 'https://hooks.slack.example/***?token=***'],
    ['https://user:pass@example.com:8443/hook#frag', true, 'https://example.com:8443/hook'],
    ['https://example.com/', false, 'https://example.com/'],
    ['not a url', true, '***'],
  ])('%s (path shown: %s) → %s', (url, path, expected) => {
    expect(maskWebhookUrl(url, { path })).toBe(expected)
  })
})
