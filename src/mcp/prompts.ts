import { ErrorCode, type GetPromptResult, type Prompt } from '@modelcontextprotocol/sdk/types.js'
import type { ExecutionReader } from '../store/types.ts'
import { executionJson, logJson } from './execution-json.ts'
import { executionUri } from './resources.ts'
import { ProtocolError } from './internal/protocol-error.ts'

export const PROMPTS: Prompt[] = [
  {
    name: 'create_task',
    title: 'Create a Ratchet task',
    description: 'Guides the model to write a new task (code, input/output JSON Schemas, test cases) and save it with ratchet_create_task.',
    arguments: [
      { name: 'description', description: 'What the task should do', required: true },
      { name: 'name', description: 'Task name (letters, digits, "_", "." and "-"); the model picks one when left out', required: false },
    ],
  },
  {
    name: 'debug_execution',
    title: 'Debug an execution',
    description: 'Puts an execution (record, error and logs) in front of the model and asks it to find the cause and a fix.',
    arguments: [{ name: 'execution_id', description: 'Id of the execution to debug (completion lists recent ones)', required: true }],
  },
]

const LOG_LINES = 200

/** A kebab-case task name suggested by a description: "Fetch the weather" → "fetch-the-weather". */
export function suggestTaskName(description: string): string {
  return description.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').split('-').slice(0, 5).join('-').slice(0, 60)
}

function createTaskPrompt(args: Record<string, string>, createToolOffered: boolean): GetPromptResult {
  const description = args.description?.trim()
  if (!description) throw new ProtocolError(ErrorCode.InvalidParams, 'create_task needs the "description" argument')
  const name = args.name?.trim()
  const text = [
    `Create a new Ratchet task that does the following:\n\n${description}\n`,
    name ? `Name it "${name}".` : `Choose a short name (letters, digits, "_", "." and "-"), for example "${suggestTaskName(description) || 'my-task'}".`,
    '',
    'Save it by calling the ratchet_create_task tool with a complete package:',
    '- code: JavaScript that defines `function main(input, context)` (it may be async) and returns a JSON value. There are no modules: use the globals fetch, URL, crypto and console; context.log.info/warn/error(message, data) writes the execution log, context.progress({ progress, total, message }) reports progress and context.signal tells you when the run is cancelled. Throw ValidationError, DataError, NetworkError or HttpError(status, message) with a clear message when something is wrong.',
    '- input_schema and output_schema: JSON Schemas of type "object", with a description for every property, the required list and "additionalProperties": false.',
    '- test_cases: at least three, each with input and expected_output, including an edge case and one with should_fail: true. A test that calls fetch needs a mock ({"http": {"url", "method", "response": {"status", "body"}}}), because tests never reach the network.',
    '- description and tags, so ratchet_list_available_tasks can find it.',
    '',
    'ratchet_create_task runs the tests after saving; fix and save again (ratchet_edit_task) until they all pass, then try it with ratchet_execute_task.',
    ...(createToolOffered ? [] : ['', 'Note: ratchet_create_task is not offered by this server right now. Ask the user to set mcp.tools.enable_filesystem: true in the Ratchet config and restart it, then continue.']),
  ].join('\n')
  return { description: `Create the task: ${description}`, messages: [{ role: 'user', content: { type: 'text', text } }] }
}

async function debugExecutionPrompt(args: Record<string, string>, store: Pick<ExecutionReader, 'getExecution' | 'getLogs'>, maxLogEntries: number): Promise<GetPromptResult> {
  const id = args.execution_id?.trim()
  if (!id) throw new ProtocolError(ErrorCode.InvalidParams, 'debug_execution needs the "execution_id" argument')
  const record = await store.getExecution(id)
  if (!record) throw new ProtocolError(ErrorCode.InvalidParams, `No execution with id "${id}"`, { execution_id: id, hint: 'Complete the argument (completion/complete) or call ratchet_list_executions to find an id.' })
  const uri = executionUri(record.id)
  const logs = await store.getLogs(record.id, { limit: Math.min(LOG_LINES, maxLogEntries) })
  const error = record.error
  const headline = error
    ? `Execution ${record.id} of task ${record.taskName}@${record.taskVersion} ended ${record.status}: ${error.type} (${error.code}): ${error.message}${error.location ? `\nat ${error.location.file}:${error.location.line}${error.location.source ? `  →  ${error.location.source}` : ''}` : ''}`
    : `Execution ${record.id} of task ${record.taskName}@${record.taskVersion} is ${record.status}; it reported no error.`
  return {
    description: `Debug execution ${record.id} (${record.taskName}, ${record.status})`,
    messages: [
      { role: 'user', content: { type: 'text', text: `Help me debug a Ratchet task execution.\n\n${headline}\n\nThe execution record and its logs follow.` } },
      { role: 'user', content: { type: 'resource', resource: { uri, mimeType: 'application/json', text: JSON.stringify(executionJson(record), null, 2) } } },
      { role: 'user', content: { type: 'resource', resource: { uri: `${uri}/logs`, mimeType: 'application/json', text: JSON.stringify(logs.map(logJson), null, 2) } } },
      {
        role: 'user',
        content: {
          type: 'text',
          text: [
            'Explain what went wrong and why, then propose a concrete fix (to the input, or to the task code — read it from the resource ratchet://tasks/' + encodeURIComponent(record.taskName) + '/source).',
            `Call ratchet_analyze_execution_error with {"execution_id": "${record.id}"} for a structured analysis with suggestions, and ratchet_get_execution_trace for the timing of HTTP calls when the failure involves the network.`,
          ].join('\n'),
        },
      },
    ],
  }
}

/** The prompts: `create_task` and `debug_execution`. */
export function createPrompts(deps: { store: Pick<ExecutionReader, 'getExecution' | 'getLogs'>; maxLogEntries: number; isToolOffered: (name: string) => boolean }) {
  return {
    list: () => PROMPTS,
    async get(name: string, args: Record<string, string> = {}): Promise<GetPromptResult> {
      if (name === 'create_task') return createTaskPrompt(args, deps.isToolOffered('ratchet_create_task'))
      if (name === 'debug_execution') return debugExecutionPrompt(args, deps.store, deps.maxLogEntries)
      throw new ProtocolError(ErrorCode.InvalidParams, `Unknown prompt "${name}"; prompts/list has ${PROMPTS.map((p) => p.name).join(', ')}`)
    },
  }
}
