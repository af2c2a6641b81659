import { describe, expect, test } from 'bun:test'
import { buildFrameTree, flamegraphSvg, foldedStacks } from '../../src/engine/flamegraph.ts'
import type { TraceSpan } from '../../src/store/types.ts'

const span = (spanId: string, name: string, startMs: number, durationMs: number, parentId: string | null = 'execution', kind = 'http'): TraceSpan => ({
  executionId: 'e1',
  spanId,
  parentId,
  name,
  kind,
  startMs,
  durationMs,
  status: 'ok',
  attributes: {},
})

const spans: TraceSpan[] = [
  span('execution', 'execute weather', 1000, 50, null, 'execution'),
  span('http-1', 'HTTP GET api.x', 1005, 12),
  span('http-2', 'HTTP GET api.x', 1020, 8),
  span('http-3', 'HTTP POST hooks<&>"y"', 1030, 10.5),
]

describe('folded stacks', () => {
  test('give each frame its self time in microseconds, merging identical stacks', () => {
    expect(foldedStacks(spans)).toBe(['execute weather 19500', 'execute weather;HTTP GET api.x 20000', 'execute weather;HTTP POST hooks<&>"y" 10500', ''].join('\n'))
  })

  test('clamp self time at zero when concurrent children overlap their parent', () => {
    const overlapping = [span('execution', 'execute fan-out', 0, 10, null, 'execution'), span('a', 'HTTP GET a', 0, 9), span('b', 'HTTP GET b', 0, 9)]
    const lines = foldedStacks(overlapping).trim().split('\n')
    expect(lines).toEqual(['execute fan-out;HTTP GET a 9000', 'execute fan-out;HTTP GET b 9000'])
    const tree = buildFrameTree(overlapping)
    expect(tree.children[0]).toMatchObject({ name: 'execute fan-out', selfUs: 0, totalUs: 18000 })
  })

  test('keep spans with unknown parents under the execution and strip separators from names', () => {
    const odd = [span('execution', 'execute x', 0, 5, null, 'execution'), span('s', 'a;b\nc', 1, 1, 'missing-parent', 'task')]
    expect(foldedStacks(odd)).toBe('execute x 4000\nexecute x;a b c 1000\n')
  })

  test('are empty without spans', () => {
    expect(foldedStacks([])).toBe('')
  })
})

describe('SVG flame graph', () => {
  const svg = flamegraphSvg(spans, { title: 'weather <run>' })

  test('is one well-formed, self-contained SVG document', () => {
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
    expect(svg).not.toMatch(/<(script|image|use)\b|href=/)
    // Every tag is closed in order (a small XML well-formedness check).
    const stack: string[] = []
    for (const match of svg.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      const [, closing, name, selfClosing] = match
      if (selfClosing) continue
      if (closing) expect(stack.pop()).toBe(name)
      else stack.push(name)
    }
    expect(stack).toEqual([])
    // Text never carries raw markup characters.
    for (const text of svg.matchAll(/>([^<]*)</g)) expect(text[1]).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|#39;)/)
  })

  test('draws one rect per frame, widths proportional to time, with tooltips naming the spans', () => {
    const frames = [...svg.matchAll(/<g class="frame"><title>([^<]*)<\/title><rect x="([\d.]+)" y="(\d+)" width="([\d.]+)"/g)]
    expect(frames.map((f) => f[1].split(' — ')[0])).toEqual(['execute weather', 'HTTP GET api.x', 'HTTP POST hooks&lt;&amp;&gt;&quot;y&quot;'])
    const width = (i: number) => Number(frames[i][4])
    expect(width(1) / width(0)).toBeCloseTo(20 / 50, 2)
    expect(width(2) / width(0)).toBeCloseTo(10.5 / 50, 2)
    expect(frames[1][1]).toContain('20.00 ms (40.0%), 2 spans')
    expect(Number(frames[1][3])).toBeLessThan(Number(frames[0][3]))
    expect(svg).toContain('weather &lt;run&gt;')
  })

  test('says so when there are no spans', () => {
    expect(flamegraphSvg([])).toContain('No spans were recorded')
  })
})
