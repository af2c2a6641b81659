import type { TaskFiles } from './helpers.ts'

/** Task packages the tool tests write into their registry folder. */

export const ADDITION_UUID = '5f0c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f'

export const addition: TaskFiles = {
  version: '1.2.0',
  description: 'Adds two numbers',
  tags: ['math', 'demo'],
  category: 'arithmetic',
  uuid: ADDITION_UUID,
  code: 'function main(input, context) {\n  context.log.info("adding", { a: input.a, b: input.b })\n  return { sum: input.a + input.b }\n}\n',
  inputSchema: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'number' }, b: { type: 'number' } } },
  outputSchema: { type: 'object', required: ['sum'], properties: { sum: { type: 'number' } } },
  files: { 'tests/001.json': { input: { a: 1, b: 2 }, expected_output: { sum: 3 } }, 'tests/002.json': { input: { a: -1, b: 1 }, expected_output: { sum: 0 } } },
}

export const greeter: TaskFiles = {
  version: '0.9.0',
  description: 'Says HELLO to someone',
  tags: ['text', 'demo'],
  code: 'function main(input) {\n  return { greeting: `Hello, ${input.name}!` }\n}\n',
}

/** Sleeps `ms` in `steps` steps, reporting progress after each; stops early when its signal aborts. */
export const slow: TaskFiles = {
  version: '2.0.0',
  description: 'Waits, reporting progress',
  tags: ['timing'],
  code: [
    'async function main(input, context) {',
    '  const steps = input.steps ?? 4',
    '  for (let i = 1; i <= steps; i++) {',
    "    if (context.signal.aborted) throw new Error('stopped: ' + context.signal.reason)",
    '    await new Promise((resolve) => setTimeout(resolve, (input.ms ?? 100) / steps))',
    '    context.progress(i, steps, `step ${i}`)',
    '  }',
    '  return { steps }',
    '}',
    '',
  ].join('\n'),
}

/** Reads `input.user.name`: fails with a TypeError when `user` is missing. */
export const profile: TaskFiles = {
  description: 'Reads a user profile',
  code: 'function main(input, context) {\n  context.log.debug("reading profile")\n  context.log.warn("profile lookup without cache")\n  const name = input.user.name\n  return { name }\n}\n',
}

/** Writes one log line per level, then `count` info lines. */
export const chatty: TaskFiles = {
  description: 'Logs a lot',
  code: [
    'function main(input, context) {',
    "  context.log.trace('t0')",
    "  console.debug('d0')",
    "  console.log('i0')",
    "  console.warn('w0', { why: 'because' })",
    "  context.log.error('e0', { code: 7 })",
    '  for (let i = 1; i <= (input.count ?? 0); i++) console.log(`line ${i}`)',
    '  return { ok: true }',
    '}',
    '',
  ].join('\n'),
}

/** Fetches `input.url` and fails with HttpError when the answer is not OK. */
export const fetcher: TaskFiles = {
  description: 'Fetches a URL',
  tags: ['http'],
  code: [
    'async function main(input, context) {',
    '  const response = await fetch(input.url)',
    '  if (!response.ok) throw new HttpError(response.status, `GET ${input.url} answered ${response.status}`)',
    '  const body = await response.json()',
    "  if (input.second) await fetch(input.second)",
    '  return { body }',
    '}',
    '',
  ].join('\n'),
}

/** A package whose metadata is broken: the registry reports it instead of loading it. */
export const brokenFiles = { 'metadata.json': '{ "name": "broken-task", "version": ', 'main.js': 'function main() { return 1 }\n' }
