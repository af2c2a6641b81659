/**
 * Run as its own process by tests that must watch stdout: executes the task code in RATCHET_TEST_CODE
 * through a real engine and prints the terminal record as JSON on stderr (never stdout).
 */
import { makeTask } from './make-task.ts'
import { withEngine } from './with-engine.ts'

const code = process.env.RATCHET_TEST_CODE ?? 'function main() { return 1 }'
const record = await withEngine((h) => h.engine.execute({ task: makeTask({ code }), input: {}, source: 'test', timeout: 3 }))
process.stderr.write(`${JSON.stringify({ status: record.status, output: record.output, error: record.error ?? null })}\n`)
