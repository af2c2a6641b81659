/** The task packages the REST tests serve. */
import { makeTask } from '../../helpers/make-task.ts'

export const ADDITION_UUID = '5f0c2a1e-8d4b-4c3a-9e7f-1a2b3c4d5e6f'

export const addition = {
  ...makeTask({
    name: 'addition',
    version: '1.2.0',
    code: 'function main(input, context) {\n  context.log.debug("checking")\n  context.log.info("adding", { a: input.a, b: input.b })\n  context.log.warn("no cache")\n  return { sum: input.a + input.b }\n}\n',
    inputSchema: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'number' }, b: { type: 'number' } } },
    outputSchema: { type: 'object', required: ['sum'], properties: { sum: { type: 'number' } } },
    tests: [{ input: { a: 1, b: 2 }, expectedOutput: { sum: 3 } }, { input: { a: -1, b: 1 }, expectedOutput: { sum: 0 } }],
  }),
  uuid: ADDITION_UUID,
  description: 'Adds two numbers',
  tags: ['math', 'demo'],
  category: 'arithmetic',
}

export const greeter = { ...makeTask({ name: 'greeter', version: '0.9.0', code: 'function main(input) {\n  return { greeting: `Hello, ${input.name}!` }\n}\n' }), description: 'Says HELLO to someone', tags: ['text', 'demo'] }

export const failing = { ...makeTask({ name: 'failing', code: 'function main() {\n  throw new TypeError("boom")\n}\n' }), description: 'Always fails' }

export const slow = {
  ...makeTask({ name: 'slow', code: 'async function main(input, context) {\n  for (let i = 0; i < 50; i++) {\n    if (context.signal.aborted) throw new Error("stopped")\n    await new Promise((r) => setTimeout(r, 20))\n  }\n  return { done: true }\n}\n' }),
  description: 'Takes a second',
}

export const secret = { ...makeTask({ name: 'secret-report', code: 'function main() {\n  return { ok: true }\n}\n' }), description: 'Hidden from runner' }

export const ALL_TASKS = [addition, greeter, failing, slow, secret]
