/**
 * The `/docs` page: the OpenAPI document rendered as one self-contained HTML page (inline CSS, no
 * scripts, nothing from a CDN), so the compiled binary serves it offline. Routes grouped by tag, each
 * with its parameters, body fields and responses, and each group's example request and response.
 */
import type { RestGroupExample } from './catalog.ts'

type Json = Record<string, unknown>

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
/** `code` spans for `backticked` words of descriptions (everything else escaped). */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>')
const anchor = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
const refName = (ref: unknown) => (typeof ref === 'string' ? ref.split('/').pop()! : '')

function schemaType(schema: Json | undefined): string {
  if (!schema) return 'any'
  if (typeof schema.$ref === 'string') return refName(schema.$ref)
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (Array.isArray(schema.type)) return schema.type.join(' | ')
  if (schema.type === 'array') return `${schemaType(schema.items as Json)}[]`
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map((s) => (typeof s.title === 'string' ? s.title : schemaType(s))).join(' | ')
  return typeof schema.type === 'string' ? schema.type : 'any'
}

function fieldsTable(schema: Json): string {
  const properties = (schema.properties ?? {}) as Record<string, Json>
  const required = new Set((schema.required ?? []) as string[])
  const rows = Object.entries(properties).map(([name, prop]) => `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? ' <b>required</b>' : ''}</td><td>${escapeHtml(schemaType(prop))}</td><td>${prose(String(prop.description ?? ''))}</td></tr>`)
  return rows.length > 0 ? `<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>${rows.join('')}</table>` : ''
}

/** What a route needs, in words: `execution.create — needs can_execute_tasks`. */
export type DescribeAccess = (method: string, path: string) => string | null

function operationHtml(method: string, path: string, operation: Json, schemas: Record<string, Json>, access: DescribeAccess): string {
  const needs = access(method.toUpperCase(), path)
  const params = (operation.parameters ?? []) as Json[]
  const named = params.filter((p) => !/_(ne|like|gte|lte|in|not_in|starts_with|ends_with)$/.test(String(p.name)) || p.in === 'path')
  const filters = params.filter((p) => !named.includes(p))
  const paramRows = named.map((p) => `<tr><td><code>${escapeHtml(String(p.name))}</code>${p.required ? ' <b>required</b>' : ''}</td><td>${escapeHtml(String(p.in))}</td><td>${escapeHtml(schemaType(p.schema as Json))}</td><td>${prose(String(p.description ?? ''))}</td></tr>`)
  const body = ((operation.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined
  const bodyName = refName((body?.schema as Json | undefined)?.$ref)
  const responses = Object.entries((operation.responses ?? {}) as Record<string, Json>)
    .map(([status, response]) => {
      const content = (response.content ?? {}) as Record<string, Json>
      const [media, entry] = Object.entries(content)[0] ?? []
      const schema = refName((entry?.schema as Json | undefined)?.$ref)
      return `<li><code>${status}</code> ${prose(String(response.description ?? ''))}${schema ? ` — <a href="#schema-${anchor(schema)}">${escapeHtml(schema)}</a>` : media ? ` — <code>${escapeHtml(media)}</code>` : ''}</li>`
    })
    .join('')
  return `<section class="op" id="${anchor(`${method} ${path}`)}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(String(operation.summary ?? ''))}</h3>
${operation.description ? `<p>${prose(String(operation.description))}</p>` : ''}
${needs ? `<p class="needs">Permission: ${prose(needs)}</p>` : ''}
${paramRows.length > 0 ? `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr>${paramRows.join('')}</table>` : ''}
${filters.length > 0 ? `<p class="filters">Filters: ${filters.map((p) => `<code>${escapeHtml(String(p.name))}</code>`).join(' ')}</p>` : ''}
${bodyName ? `<h4>Body: <a href="#schema-${anchor(bodyName)}">${escapeHtml(bodyName)}</a></h4>${fieldsTable(schemas[bodyName] ?? {})}` : ''}
<h4>Responses</h4><ul>${responses}</ul>
</section>`
}

function exampleHtml(example: RestGroupExample['example']): string {
  const { request, response } = example
  const requestText = `${request.method} ${request.path}${request.body !== undefined ? `\nContent-Type: application/json\n\n${JSON.stringify(request.body, null, 2)}` : ''}`
  const headers = Object.entries(response.headers ?? {}).map(([k, v]) => `${k}: ${v}\n`).join('')
  const responseText = `HTTP/1.1 ${response.status}\n${headers}\n${response.text ?? JSON.stringify(response.body, null, 2)}`
  return `<div class="example"><h4>Example request</h4><pre>${escapeHtml(requestText)}</pre><h4>Example response</h4><pre>${escapeHtml(responseText)}</pre></div>`
}

/** The whole page for `document` (an OpenAPI 3.1 document) and the route groups' examples. */
export function renderDocsPage(document: Json, examples: readonly RestGroupExample[], access: DescribeAccess = () => null): string {
  const info = (document.info ?? {}) as Json
  const paths = (document.paths ?? {}) as Record<string, Record<string, Json>>
  const schemas = (((document.components ?? {}) as Json).schemas ?? {}) as Record<string, Json>
  const tags = (document.tags ?? []) as Json[]
  const sections = tags.map((tag) => {
    const name = String(tag.name)
    const ops = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).filter(([, op]) => ((op.tags ?? []) as string[]).includes(name)).map(([method, op]) => operationHtml(method, path, op, schemas, access)))
    const example = examples.find((e) => e.title === name)
    return `<section class="group" id="${anchor(name)}"><h2>${escapeHtml(name)}</h2><p>${prose(String(tag.description ?? ''))}</p>${example ? exampleHtml(example.example) : ''}${ops.join('\n')}</section>`
  })
  const schemaSections = Object.entries(schemas).map(([name, schema]) => `<section class="schema" id="schema-${anchor(name)}"><h3>${escapeHtml(name)}</h3>${schema.description ? `<p>${prose(String(schema.description))}</p>` : ''}${fieldsTable(schema) || `<p><code>${escapeHtml(schemaType(schema))}</code></p>`}</section>`)
  const nav = tags.map((tag) => `<a href="#${anchor(String(tag.name))}">${escapeHtml(String(tag.name))}</a>`).join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title ?? 'API'))} ${escapeHtml(String(info.version ?? ''))}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d232a;background:#fafbfc}
header{background:#1d232a;color:#fff;padding:1rem 2rem}header a{color:#9cd}
nav{padding:.5rem 2rem;background:#eef1f4;position:sticky;top:0}nav a{margin-right:1rem}
main{padding:0 2rem 4rem;max-width:72rem}
h2{border-bottom:2px solid #d0d7de;margin-top:2.5rem}h3{margin-bottom:.25rem}
.op{border:1px solid #d0d7de;border-radius:6px;padding:.25rem 1rem;margin:1rem 0;background:#fff}
.m{display:inline-block;min-width:4.5em;text-align:center;border-radius:4px;color:#fff;font-size:.8em;padding:.1em .4em}
.get{background:#2f7d32}.post{background:#1565c0}.patch{background:#8e24aa}.put{background:#6d4c41}.delete{background:#c62828}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d7de;padding:.2rem .5rem;text-align:left;vertical-align:top}
pre{background:#1d232a;color:#e6edf3;padding:.75rem;border-radius:6px;overflow:auto}
code{font-family:ui-monospace,monospace;font-size:.92em}.filters code{margin-right:.35em}.needs{color:#57606a}
</style></head>
<body><header><h1>${escapeHtml(String(info.title ?? 'API'))} <small>${escapeHtml(String(info.version ?? ''))}</small></h1><p>${prose(String(info.description ?? ''))}</p><p>Machine-readable: <a href="/api-docs/openapi.json">/api-docs/openapi.json</a> (OpenAPI ${escapeHtml(String(document.openapi ?? ''))})</p></header>
<nav>${nav}<a href="#schemas">Schemas</a></nav>
<main>${sections.join('\n')}<h2 id="schemas">Schemas</h2>${schemaSections.join('\n')}</main></body></html>
`
}
