import { ErrorCode, type CompleteRequest, type CompleteResult } from '@modelcontextprotocol/sdk/types.js'
import type { Registry } from '../registry/registry.ts'
import type { ExecutionReader } from '../store/types.ts'
import { PROMPTS, suggestTaskName } from './prompts.ts'
import { RESOURCE_TEMPLATES } from './resources.ts'
import { ProtocolError } from './internal/protocol-error.ts'

const MAX_VALUES = 100
const RECENT = 200

function answer(values: string[]): CompleteResult {
  return { completion: { values: values.slice(0, MAX_VALUES), total: values.length, hasMore: values.length > MAX_VALUES } }
}

/**
 * `completion/complete`: task names for `{name}` in the task templates, recent execution ids for
 * `{id}` and for debug_execution's `execution_id` (failed ones first, newest first), and a name
 * derived from the description for create_task's `name`.
 */
export function createCompletions(deps: { registry: Registry; store: Pick<ExecutionReader, 'listExecutions'> }) {
  const taskNames = (prefix: string) => {
    const lower = prefix.toLowerCase()
    const names = deps.registry.list().map((t) => t.name)
    return [...names.filter((n) => n.toLowerCase().startsWith(lower)), ...names.filter((n) => !n.toLowerCase().startsWith(lower) && n.toLowerCase().includes(lower))]
  }
  const executionIds = async (prefix: string, failedFirst: boolean) => {
    const items = (await deps.store.listExecutions({ limit: RECENT })).items.filter((r) => r.id.startsWith(prefix))
    const ordered = failedFirst ? [...items.filter((r) => r.status !== 'completed'), ...items.filter((r) => r.status === 'completed')] : items
    return ordered.map((r) => r.id)
  }

  return {
    async complete(params: CompleteRequest['params']): Promise<CompleteResult> {
      const { ref, argument } = params
      if (ref.type === 'ref/prompt') {
        const prompt = PROMPTS.find((p) => p.name === ref.name)
        if (!prompt) throw new ProtocolError(ErrorCode.InvalidParams, `Unknown prompt "${ref.name}"`)
        if (prompt.name === 'debug_execution' && argument.name === 'execution_id') return answer(await executionIds(argument.value, true))
        if (prompt.name === 'create_task' && argument.name === 'name') {
          const suggested = suggestTaskName(params.context?.arguments?.description ?? '')
          const taken = new Set(deps.registry.list().map((t) => t.name))
          return answer(suggested && suggested.startsWith(argument.value) && !taken.has(suggested) ? [suggested] : [])
        }
        return answer([])
      }
      const template = RESOURCE_TEMPLATES.find((t) => t.uriTemplate === ref.uri)
      if (!template) throw new ProtocolError(ErrorCode.InvalidParams, `Unknown resource template "${ref.uri}"; resources/templates/list has the templates`)
      if (argument.name === 'name' && template.uriTemplate.startsWith('ratchet://tasks/')) return answer(taskNames(argument.value))
      if (argument.name === 'id' && template.uriTemplate.startsWith('ratchet://executions/')) return answer(await executionIds(argument.value, false))
      return answer([])
    },
  }
}
