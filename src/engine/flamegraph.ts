/**
 * Flame graphs of an execution's spans: folded stacks (`execute addition;HTTP GET api.x 1200`, weights
 * in integer microseconds of self time, the format flamegraph.pl, speedscope and inferno read) and a
 * self-contained SVG drawn from the same frame tree, so both always agree.
 */
import type { TraceSpan } from '../store/types.ts'

export interface FrameNode {
  name: string
  kind: string
  /** Microseconds spent in this frame itself (not in its children). */
  selfUs: number
  /** selfUs plus every child's totalUs: the frame's width. */
  totalUs: number
  /** How many spans were merged into this frame. */
  spans: number
  children: FrameNode[]
}

const frameName = (name: string) => name.replace(/[;\r\n]+/g, ' ').trim() || '(unnamed)'

/**
 * Merges spans into a frame tree: each span sits under its parent (spans whose parent is unknown sit
 * under the execution span, or at the top), siblings with the same name become one frame. Self time
 * is a span's duration minus its children's (never below zero: concurrent children may overlap).
 */
export function buildFrameTree(spans: readonly TraceSpan[]): FrameNode {
  const root: FrameNode = { name: 'all', kind: 'root', selfUs: 0, totalUs: 0, spans: 0, children: [] }
  const byId = new Map(spans.map((span) => [span.spanId, span]))
  const top = spans.find((s) => s.kind === 'execution' && !s.parentId)
  const parentOf = (span: TraceSpan): TraceSpan | undefined => {
    if (span === top) return undefined
    const parent = span.parentId ? byId.get(span.parentId) : undefined
    return parent && parent !== span ? parent : top
  }
  const childrenOf = new Map<TraceSpan | undefined, TraceSpan[]>()
  for (const span of spans) {
    const parent = parentOf(span)
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), span])
  }
  const place = (span: TraceSpan, under: FrameNode, depth: number) => {
    const name = frameName(span.name)
    let node = under.children.find((c) => c.name === name)
    if (!node) {
      node = { name, kind: span.kind, selfUs: 0, totalUs: 0, spans: 0, children: [] }
      under.children.push(node)
    }
    const kids = depth < 64 ? childrenOf.get(span) ?? [] : []
    const kidsUs = kids.reduce((sum, kid) => sum + Math.round(kid.durationMs * 1000), 0)
    const durationUs = Math.round(span.durationMs * 1000)
    // A leaf keeps at least 1 µs, so every span shows up in the folded output.
    node.selfUs += Math.max(kids.length === 0 ? 1 : 0, durationUs - kidsUs)
    node.spans++
    for (const kid of kids) place(kid, node, depth + 1)
  }
  for (const span of childrenOf.get(undefined) ?? []) place(span, root, 0)
  const total = (node: FrameNode): number => {
    node.children.sort((a, b) => a.name.localeCompare(b.name))
    node.totalUs = node.selfUs + node.children.reduce((sum, child) => sum + total(child), 0)
    return node.totalUs
  }
  total(root)
  return root
}

/** Folded stacks, one `frame;frame weight` line per frame with self time, sorted; weights in µs. */
export function foldedStacks(spans: readonly TraceSpan[]): string {
  const lines: string[] = []
  const walk = (node: FrameNode, path: string[]) => {
    const here = [...path, node.name]
    if (node.selfUs > 0) lines.push(`${here.join(';')} ${node.selfUs}`)
    for (const child of node.children) walk(child, here)
  }
  for (const child of buildFrameTree(spans).children) walk(child, [])
  return lines.sort().join('\n') + (lines.length > 0 ? '\n' : '')
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function colour(node: FrameNode): string {
  let hash = 0
  for (const ch of node.name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  const vary = hash % 40
  if (node.kind === 'http') return `rgb(${60 + vary},${150 + (vary % 30)},${210})`
  if (node.kind === 'execution') return `rgb(${225},${120 + vary},${40})`
  return `rgb(${230},${170 + (vary % 60)},${60})`
}

const formatUs = (us: number) => (us >= 1000 ? `${(us / 1000).toFixed(us >= 100_000 ? 0 : 2)} ms` : `${us} µs`)

export interface FlamegraphSvgOptions {
  title?: string
  width?: number
}

/**
 * A classic flame graph (root at the bottom, width proportional to time) as one SVG document with
 * inline styles: each frame is a `<rect>` with a `<title>` tooltip (time, share, merged spans) and a
 * label clipped to fit.
 */
export function flamegraphSvg(spans: readonly TraceSpan[], options: FlamegraphSvgOptions = {}): string {
  const root = buildFrameTree(spans)
  const width = options.width ?? 1200
  const pad = 10
  const rowHeight = 18
  const header = 36
  const depthOf = (node: FrameNode): number => 1 + Math.max(0, ...node.children.map(depthOf))
  const rows = Math.max(1, depthOf(root) - 1)
  const height = header + rows * rowHeight + pad * 2
  const title = escapeXml(options.title ?? 'Execution flame graph')
  const scale = root.totalUs > 0 ? (width - pad * 2) / root.totalUs : 0
  const frames: string[] = []
  const draw = (node: FrameNode, x: number, depth: number) => {
    const w = node.totalUs * scale
    const y = height - pad - (depth + 1) * rowHeight
    const share = root.totalUs > 0 ? ((node.totalUs / root.totalUs) * 100).toFixed(1) : '0'
    const tip = `${node.name} — ${formatUs(node.totalUs)} (${share}%)${node.selfUs !== node.totalUs ? `, self ${formatUs(node.selfUs)}` : ''}${node.spans > 1 ? `, ${node.spans} spans` : ''}`
    const fit = Math.floor((w - 6) / 7)
    const label = fit < 3 ? '' : node.name.length <= fit ? node.name : node.name.slice(0, fit - 2) + '..'
    frames.push(
      `<g class="frame"><title>${escapeXml(tip)}</title><rect x="${x.toFixed(2)}" y="${y}" width="${Math.max(0.5, w).toFixed(2)}" height="${rowHeight - 1}" rx="2" fill="${colour(node)}"/>` +
        (label ? `<text x="${(x + 3).toFixed(2)}" y="${y + rowHeight - 5}">${escapeXml(label)}</text>` : '') +
        '</g>',
    )
    let childX = x
    for (const child of node.children) {
      draw(child, childX, depth + 1)
      childX += child.totalUs * scale
    }
  }
  let x = pad
  for (const child of root.children) {
    draw(child, x, 0)
    x += child.totalUs * scale
  }
  const subtitle = root.totalUs > 0 ? `total ${formatUs(root.totalUs)}; width is time, hover a frame for details` : 'No spans were recorded for this execution.'
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Verdana, sans-serif" font-size="12">`,
    '<style>.frame text{fill:#000;pointer-events:none}.frame:hover rect{stroke:#000;stroke-width:1}</style>',
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#fdfdf6"/>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="15">${title}</text>`,
    `<text x="${width / 2}" y="32" text-anchor="middle" fill="#666">${escapeXml(subtitle)}</text>`,
    ...frames,
    '</svg>',
    '',
  ].join('\n')
}
