import type { ToolDefinition } from '../../../generated/tools.ts'
import type { ToolName } from '../../../generated/tool-types.ts'
import { AppError } from '../../../src/errors.ts'
import type { ToolContext, ToolHandlers } from '../../../src/mcp/tools/types.ts'

/** What the probe saw in its last call, for assertions. */
export const seen: { ctx?: ToolContext; input?: Record<string, unknown>; aborted?: boolean; executionId?: string } = {}

const OUTPUT = {
  type: 'object',
  properties: { mode: { type: 'string' }, args: { type: 'object', additionalProperties: true }, text: { type: 'string' }, execution_id: { type: 'string' } },
  required: ['mode'],
} as const

/**
 * Test-only tools. `probe` (group docs, always on) does what `mode` says; `probe_watch` (monitoring)
 * and `probe_batch` (batch) exist to test the group switches.
 */
export const PROBE_DEFINITIONS: ToolDefinition[] = [
  {
    name: 'probe' as ToolName,
    title: 'Probe',
    group: 'docs',
    description: 'A tool for tests.',
    annotations: { title: 'Probe', readOnlyHint: true },
    taskSupport: 'optional',
    inputSchema: {
      type: 'object',
      properties: {
        mode: { type: 'string', enum: ['echo', 'progress', 'sleep', 'app_error', 'crash', 'bad_output', 'big', 'sample', 'elicit', 'run'], default: 'echo' },
        count: { type: 'integer', minimum: 0, default: 3 },
        delay_ms: { type: 'integer', minimum: 0, default: 0 },
        size: { type: 'integer', minimum: 0 },
        task: { type: 'string' },
        input: { type: 'object', additionalProperties: true },
        options: { type: 'object', properties: { flag: { type: 'boolean', default: true } }, default: {} },
      },
      additionalProperties: false,
    },
    outputSchema: OUTPUT as unknown as ToolDefinition['outputSchema'],
  },
  {
    name: 'probe_watch' as ToolName,
    title: 'Probe (monitoring)',
    group: 'monitoring',
    description: 'A monitoring-group tool for tests.',
    annotations: { title: 'Probe (monitoring)' },
    taskSupport: 'forbidden',
    inputSchema: { type: 'object', properties: {} },
    outputSchema: OUTPUT as unknown as ToolDefinition['outputSchema'],
  },
  {
    name: 'probe_batch' as ToolName,
    title: 'Probe (batch)',
    group: 'batch',
    description: 'A batch-group tool for tests.',
    annotations: { title: 'Probe (batch)' },
    taskSupport: 'forbidden',
    inputSchema: { type: 'object', properties: {} },
    outputSchema: OUTPUT as unknown as ToolDefinition['outputSchema'],
  },
]

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })

async function probe(input: Record<string, unknown>, ctx: ToolContext) {
  seen.ctx = ctx
  seen.input = input
  seen.aborted = false
  ctx.signal.addEventListener('abort', () => (seen.aborted = true), { once: true })
  const mode = input.mode as string
  switch (mode) {
    case 'progress':
      for (let i = 1; i <= (input.count as number); i++) {
        ctx.progress?.({ progress: i, total: input.count as number, message: `step ${i}` })
        await sleep(input.delay_ms as number, ctx.signal)
      }
      return { output: { mode } }
    case 'sleep':
      await sleep(input.delay_ms as number, ctx.signal)
      return { output: { mode, text: ctx.signal.aborted ? 'aborted' : 'slept' } }
    case 'app_error':
      throw new AppError('TASK_NOT_FOUND', 'Task "nope" not found', { hint: 'List the tasks first.', data: { taskId: 'nope' } })
    case 'crash':
      throw new Error('boom: something unexpected')
    case 'bad_output':
      return { output: { nope: true } as never }
    case 'big':
      return { output: { mode, text: 'x'.repeat(input.size as number) } }
    case 'sample': {
      const reply = await ctx.client.sample({ messages: [{ role: 'user', text: 'say hi' }], maxTokens: 10 })
      return { output: { mode, text: reply.text } }
    }
    case 'elicit': {
      const reply = await ctx.client.elicit({ message: 'Your name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } })
      return { output: { mode, text: `${reply.action}:${String(reply.content?.name ?? '')}` } }
    }
    case 'run': {
      const task = ctx.registry.get(input.task as string)
      if (!task) throw new AppError('TASK_NOT_FOUND', `no task ${String(input.task)}`)
      const submitted = ctx.engine.submit({ task, input: input.input ?? {}, source: 'mcp', onProgress: (p) => ctx.progress?.(p) })
      seen.executionId = submitted.id
      const record = await submitted.done
      return { output: { mode, execution_id: record.id, text: record.status }, isError: record.status !== 'completed' }
    }
    default:
      return { output: { mode, args: input }, summary: 'echoed' }
  }
}

const simple = (mode: string) => async () => ({ output: { mode } })

export const PROBE_HANDLERS = { probe, probe_watch: simple('watch'), probe_batch: simple('batch') } as unknown as Partial<ToolHandlers>
