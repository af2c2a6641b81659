import { afterAll, beforeAll, describe, expect, test } from 'bun:test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TOOL_DEFINITIONS, type ToolDefinition } from '../../generated/tools.ts'
import { DEFAULTS } from '../../src/config/defaults.ts'
import { MAX_REPORTED_HITS } from '../../src/engine/debug-task.ts'
import { PREVIEW_LIMITS } from '../../src/tasks/internal/debug-runtime.ts'
import { compileSchema } from '../../src/tasks/schema.ts'
import { makeTask } from '../helpers/make-task.ts'
import { openInspectionHarness, writeFiles, type InspectionHarness } from './helpers.ts'

const docs = join(import.meta.dir, '../../docs')
const read = (file: string) => readFileSync(join(docs, file), 'utf8')
const guide = read('mcp-development-guide.md')
const walkthrough = read('mcp-walkthrough.md')
const definitions = new Map<string, ToolDefinition>(TOOL_DEFINITIONS.map((tool) => [tool.name, tool]))

interface Block {
  kind: 'call' | 'result'
  tool: string
  json: Record<string, unknown>
}

/** The walkthrough's JSON blocks: each "Call `ratchet_x`" block, and the "Result" blocks after it. */
function walkthroughBlocks(): Block[] {
  const blocks: Block[] = []
  let tool = ''
  let last = 0
  for (const match of walkthrough.matchAll(/```json\n([\s\S]*?)```/g)) {
    const before = walkthrough.slice(last, match.index)
    last = match.index! + match[0].length
    const calls = [...before.matchAll(/call `ratchet_(\w+)`/gi)]
    if (calls.length > 0) {
      tool = calls.at(-1)![1]
      blocks.push({ kind: 'call', tool, json: JSON.parse(match[1]) })
    } else if (/Result/.test(before)) {
      blocks.push({ kind: 'result', tool, json: JSON.parse(match[1]) })
    } else {
      throw new Error(`a JSON block of the walkthrough is neither a call nor a result: ${match[1].slice(0, 60)}`)
    }
  }
  return blocks
}

/** An abridged example matches: any string with "…" stands for anything, objects list a subset of keys. */
function matchesAbridged(example: unknown, actual: unknown, path = '$'): string[] {
  if (typeof example === 'string' && example.includes('…')) return []
  if (Array.isArray(example)) {
    if (!Array.isArray(actual) || actual.length !== example.length) return [`${path}: expected ${example.length} items, got ${JSON.stringify(actual)}`]
    return example.flatMap((item, i) => matchesAbridged(item, actual[i], `${path}[${i}]`))
  }
  if (example && typeof example === 'object') {
    if (!actual || typeof actual !== 'object') return [`${path}: expected an object, got ${JSON.stringify(actual)}`]
    return Object.entries(example).flatMap(([key, value]) => matchesAbridged(value, (actual as Record<string, unknown>)[key], `${path}.${key}`))
  }
  return example === actual ? [] : [`${path}: expected ${JSON.stringify(example)}, got ${JSON.stringify(actual)}`]
}

describe('developer documentation tools', () => {
  let h: InspectionHarness

  beforeAll(async () => {
    h = await openInspectionHarness()
  })

  afterAll(async () => {
    await h.close()
  })

  test('serve the markdown embedded in the build', async () => {
    const cases = [
      ['get_developer_endpoint_reference', 'tools.md', 'Ratchet MCP tool reference'],
      ['get_developer_integration_guide', 'mcp-development-guide.md', 'Developing Ratchet tasks over MCP'],
      ['get_developer_guide_walkthrough', 'mcp-walkthrough.md', 'Ratchet MCP walkthrough'],
    ] as const
    for (const [tool, file, title] of cases) {
      const { output, isError } = await h.call(tool, {})
      expect(isError).toBeUndefined()
      expect(output).toEqual({ title, format: 'markdown', content: read(file) })
    }
  })

  test('the guide and the walkthrough name only tools that exist', () => {
    for (const text of [guide, walkthrough]) {
      for (const [, name] of text.matchAll(/ratchet_(\w+)/g)) expect(definitions.has(name)).toBe(true)
    }
  })

  test('the guide\'s table puts every tool in its group with the right switch default', () => {
    const rows = [...guide.matchAll(/^\| (\w+) \| (.+?) \| (.+) \|$/gm)].filter(([, group]) => ['execution', 'monitoring', 'logging', 'debugging', 'filesystem', 'batch', 'docs'].includes(group))
    const listed = new Set<string>()
    for (const [, group, switchText, tools] of rows) {
      for (const [, name] of tools.matchAll(/`(\w+)`/g)) {
        expect(`${name}: ${definitions.get(name)?.group}`).toBe(`${name}: ${group}`)
        listed.add(name)
      }
      if (group !== 'docs') {
        const on = DEFAULTS.mcp.tools[`enable_${group}` as keyof typeof DEFAULTS.mcp.tools]
        expect(`${group}: ${switchText.includes('(on') ? 'on' : 'off'}`).toBe(`${group}: ${on ? 'on' : 'off'}`)
      }
    }
    expect([...listed].sort()).toEqual([...definitions.keys()].sort())
  })

  test('the guide states the debugger\'s real limits', () => {
    const debug = definitions.get('debug_task_execution')!.inputSchema.properties as Record<string, { default?: unknown; maximum?: number }>
    expect(guide).toContain(`\`max_steps\`** (default ${debug.max_steps.default}, at most ${debug.max_steps.maximum})`)
    expect(guide).toContain(`The first ${MAX_REPORTED_HITS} hits of a line are listed`)
    expect(guide).toContain(`objects and arrays to ${PREVIEW_LIMITS.depth} levels and ${PREVIEW_LIMITS.items} entries, strings to ${PREVIEW_LIMITS.stringChars} characters`)
  })

  test('every call in the walkthrough is valid for its tool, and every result field exists', () => {
    const blocks = walkthroughBlocks()
    expect(blocks.filter((b) => b.kind === 'call').length).toBeGreaterThanOrEqual(12)
    for (const block of blocks) {
      const tool = definitions.get(block.tool)!
      if (block.kind === 'call') {
        expect({ tool: block.tool, errors: compileSchema(tool.inputSchema).errors(block.json) }).toEqual({ tool: block.tool, errors: [] })
      } else {
        const fields = Object.keys((tool.outputSchema.properties ?? {}) as object)
        for (const key of Object.keys(block.json)) expect(`${block.tool}.${key}`).toBe(`${block.tool}.${fields.includes(key) ? key : '(not in the output schema)'}`)
      }
    }
  })

  test('the walkthrough\'s task behaves as shown, and the debugger shows what the walkthrough says', async () => {
    const blocks = walkthroughBlocks()
    const create = blocks.find((b) => b.kind === 'call' && b.tool === 'create_task')!.json as { name: string; code: string; input_schema: Record<string, unknown>; output_schema: Record<string, unknown>; test_cases: Array<{ input: unknown; expected_output: unknown }> }
    await writeFiles(join(h.tasksRoot, create.name), { 'metadata.json': { name: create.name, version: '0.1.0' }, 'main.js': create.code, 'input.schema.json': create.input_schema, 'output.schema.json': create.output_schema })
    await h.registry.load()
    const task = h.registry.get(create.name)!
    for (const testCase of create.test_cases) expect((await h.engine.engine.execute({ task, input: testCase.input, source: 'test' })).output).toEqual(testCase.expected_output)

    // The two executions of step 3, against the abridged results shown after them.
    for (const [i, block] of blocks.entries()) {
      if (block.kind !== 'call' || block.tool !== 'execute_task' || blocks[i + 1]?.kind !== 'result') continue
      const record = await h.engine.engine.execute({ task, input: block.json.input, source: 'test' })
      const shown = blocks[i + 1].json as { status: string; output?: unknown; error?: unknown }
      const { status, output, error } = shown
      expect(matchesAbridged(JSON.parse(JSON.stringify({ status, output, error })), { status: record.status, output: record.output, error: record.error })).toEqual([])
    }

    for (const [i, block] of blocks.entries()) {
      if (block.kind !== 'call' || block.tool !== 'debug_task_execution') continue
      const { output } = await h.call('debug_task_execution', block.json as never)
      expect(matchesAbridged(blocks[i + 1].json, output)).toEqual([])
    }

    // The fix of step 6 passes every test case it sends.
    const edit = blocks.find((b) => b.kind === 'call' && b.tool === 'edit_task')!.json as { code: string; test_cases: Array<{ input: unknown; expected_output: unknown }> }
    const fixed = makeTask({ code: edit.code, inputSchema: create.input_schema, outputSchema: create.output_schema })
    for (const testCase of edit.test_cases) expect((await h.engine.engine.execute({ task: fixed, input: testCase.input, source: 'test' })).output).toEqual(testCase.expected_output)

    const store = blocks.findIndex((b) => b.kind === 'call' && b.tool === 'store_result')
    const stored = await h.call('store_result', blocks[store].json as never)
    expect(matchesAbridged({ ...blocks[store + 1].json, task_version: '0.1.0', message: '…' }, stored.output)).toEqual([])
  })
})
