/**
 * The REST half of `bun run gen`: compiles schemas/rest/*.json (one route group each: its named
 * schemas, its routes and one example request and response) into
 *   generated/rest-types.ts       TypeScript types of every named schema (json-schema-to-typescript)
 *   generated/rest-validators.ts  precompiled TypeBox checks of every request body schema
 *   generated/rest-api.ts         the route table, list fields, body schemas and examples the REST door serves
 *   generated/rest-openapi.ts     the OpenAPI 3.1 document (served at /api-docs/openapi.json)
 *   generated/openapi.json        the same document as a file, for tools outside the server
 *   docs/rest.md                  the REST reference
 * Every example is checked against its schemas here, so the docs never show a shape the API refuses.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compile } from 'json-schema-to-typescript'
import { Compile, Code } from 'typebox/compile'

type Json = Record<string, unknown>
type FilterOp = 'eq' | 'ne' | 'like' | 'gte' | 'lte' | 'in' | 'not_in' | 'starts_with' | 'ends_with'
const FILTER_OPS: readonly FilterOp[] = ['eq', 'ne', 'like', 'gte', 'lte', 'in', 'not_in', 'starts_with', 'ends_with']
const FIELD_TYPES = ['string', 'integer', 'number', 'boolean', 'date-time'] as const
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const
const REF_PREFIX = '#/components/schemas/'
const GROUP_ORDER = ['common', 'tasks', 'executions', 'results', 'jobs', 'schedules', 'events']

interface QueryParam {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean'
  enum?: string[]
  required?: boolean
  description: string
}

interface ListField {
  type: (typeof FIELD_TYPES)[number]
  ops: FilterOp[]
  sortable?: boolean
  enum?: string[]
}

interface RouteDef {
  method: (typeof METHODS)[number]
  path: string
  summary: string
  description?: string
  query?: QueryParam[]
  list?: { default_sort: { field: string; order: 'asc' | 'desc' }; fields: Record<string, ListField> }
  body?: string
  body_optional?: boolean
  responses: Record<string, { description: string; schema?: string; media?: string }>
}

interface Example {
  request: { method: string; path: string; body?: unknown }
  response: { status: number; headers?: Record<string, string>; body?: unknown; text?: string }
}

interface GroupFile {
  group: string
  title: string
  description: string
  schemas: Record<string, Json>
  routes: RouteDef[]
  example?: Example
}

const HEADER = '// GENERATED FILE — DO NOT EDIT. Edit schemas/rest/*.json and run `bun run gen`.\n'
const pascal = (text: string) => text.replace(/(^|[_\-/{}\s]+)([a-zA-Z0-9])/g, (_, __, c: string) => c.toUpperCase())

export function loadRestGroups(root: string): GroupFile[] {
  const dir = join(root, 'schemas', 'rest')
  const groups: GroupFile[] = []
  const names = new Map<string, string>()
  const routes = new Set<string>()
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const where = `schemas/rest/${file}`
    const group = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GroupFile
    if (`${group.group}.json` !== file) throw new Error(`${where}: "group" must be "${file.replace(/\.json$/, '')}"`)
    for (const key of ['title', 'description'] as const) if (typeof group[key] !== 'string' || !group[key]) throw new Error(`${where}: "${key}" is required`)
    if (typeof group.schemas !== 'object' || !Array.isArray(group.routes)) throw new Error(`${where}: needs "schemas" (an object) and "routes" (an array)`)
    for (const name of Object.keys(group.schemas)) {
      if (!/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error(`${where}: schema names are PascalCase (${name})`)
      if (names.has(name)) throw new Error(`${where}: schema ${name} is already defined in ${names.get(name)}`)
      names.set(name, where)
    }
    for (const route of group.routes) {
      const id = `${route.method} ${route.path}`
      if (!METHODS.includes(route.method)) throw new Error(`${where}: ${id}: method must be one of ${METHODS.join(', ')}`)
      if (!/^\/[a-z0-9\-/{}_]*$/.test(route.path)) throw new Error(`${where}: ${id}: paths are lower-case, under /api/v1, with {param} segments`)
      if (routes.has(id)) throw new Error(`${where}: ${id} is defined twice`)
      routes.add(id)
      if (!route.summary) throw new Error(`${where}: ${id}: "summary" is required`)
      if (!route.responses || Object.keys(route.responses).length === 0) throw new Error(`${where}: ${id}: "responses" is required`)
      for (const [field, def] of Object.entries(route.list?.fields ?? {})) {
        if (!FIELD_TYPES.includes(def.type)) throw new Error(`${where}: ${id}: list field ${field}: type must be one of ${FIELD_TYPES.join(', ')}`)
        for (const op of def.ops) if (!FILTER_OPS.includes(op)) throw new Error(`${where}: ${id}: list field ${field}: unknown op ${op}`)
      }
      if (route.list && route.list.default_sort.field !== 'seq' && !route.list.fields[route.list.default_sort.field]?.sortable) {
        throw new Error(`${where}: ${id}: default_sort.field must be a sortable list field`)
      }
    }
    if (group.routes.length > 0 && !group.example) throw new Error(`${where}: a route group needs one "example" request and response`)
    groups.push(group)
  }
  // Reading order of the docs: the known groups first, then any other file (alphabetically).
  const rank = (group: GroupFile) => (GROUP_ORDER.includes(group.group) ? GROUP_ORDER.indexOf(group.group) : GROUP_ORDER.length)
  groups.sort((a, b) => rank(a) - rank(b) || a.group.localeCompare(b.group))
  for (const group of groups) {
    const where = `schemas/rest/${group.group}.json`
    const refs = JSON.stringify(group).matchAll(/"\$ref":"([^"]+)"/g)
    for (const [, ref] of refs) {
      if (!ref.startsWith(REF_PREFIX) || !names.has(ref.slice(REF_PREFIX.length))) throw new Error(`${where}: $ref ${ref} names no schema (use ${REF_PREFIX}<Name>)`)
    }
    for (const route of group.routes) {
      const named = [route.body, ...Object.values(route.responses).map((r) => r.schema)].filter((n): n is string => n !== undefined)
      for (const name of named) if (!names.has(name)) throw new Error(`${where}: ${route.method} ${route.path} names schema ${name}, which no file defines`)
    }
  }
  return groups
}

/** Every schema by name, across groups. */
function allSchemas(groups: GroupFile[]): Record<string, Json> {
  return Object.fromEntries(groups.flatMap((g) => Object.entries(g.schemas)))
}

/** `schema` with every `$ref` replaced by the named schema (recursively), titles of the copies dropped. */
function inline(schema: unknown, schemas: Record<string, Json>, depth = 0): unknown {
  if (depth > 20) throw new Error('schemas/rest: $ref nesting is deeper than 20 (a cycle?)')
  if (Array.isArray(schema)) return schema.map((item) => inline(item, schemas, depth))
  if (!schema || typeof schema !== 'object') return schema
  const object = schema as Json
  if (typeof object.$ref === 'string') {
    const { title: _title, ...target } = schemas[(object.$ref as string).slice(REF_PREFIX.length)]!
    const { $ref: _ref, ...rest } = object
    return inline({ ...target, ...rest }, schemas, depth + 1)
  }
  return Object.fromEntries(Object.entries(object).map(([key, value]) => [key, inline(value, schemas, depth)]))
}

/** Checks an example value against a schema; throws naming the example and the first problems. */
function checkExample(where: string, schema: unknown, value: unknown): void {
  const compiled = Compile(schema as never)
  if (compiled.Check(value)) return
  const errors = [...compiled.Errors(value)].slice(0, 5).map((e) => `${(e as { instancePath: string }).instancePath || '(root)'}: ${(e as { message: string }).message}`)
  throw new Error(`${where} does not match its schema: ${errors.join('; ')}`)
}

function checkExamples(groups: GroupFile[], schemas: Record<string, Json>): void {
  for (const group of groups) {
    const example = group.example
    if (!example) continue
    const where = `schemas/rest/${group.group}.json example`
    const path = example.request.path.replace(/^\/api\/v1/, '').split('?')[0]!
    const route = group.routes.find((r) => r.method === example.request.method && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))
    if (!route) throw new Error(`${where}: ${example.request.method} ${example.request.path} is not a route of the group`)
    if (route.body && example.request.body !== undefined) checkExample(`${where} request`, inline(schemas[route.body], schemas), example.request.body)
    const response = route.responses[String(example.response.status)]
    if (!response) throw new Error(`${where}: the route has no ${example.response.status} response`)
    if (response.schema && example.response.body !== undefined) checkExample(`${where} response`, inline(schemas[response.schema], schemas), example.response.body)
  }
}

async function restTypes(groups: GroupFile[], schemas: Record<string, Json>): Promise<string> {
  // One root holding every named schema as a definition, so each is declared once and referenced by name.
  const retarget = (value: unknown): unknown => JSON.parse(JSON.stringify(value).replaceAll(`"$ref":"${REF_PREFIX}`, '"$ref":"#/definitions/'))
  const names = groups.flatMap((g) => Object.keys(g.schemas))
  const root = {
    title: 'RestSchemas',
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(names.map((name) => [name, { $ref: `#/definitions/${name}` }])),
    definitions: Object.fromEntries(names.map((name) => [name, { ...(retarget(schemas[name]) as Json), title: name }])),
  }
  const ts = await compile(root as never, 'RestSchemas', { bannerComment: '', additionalProperties: false, declareExternallyReferenced: true, format: true, strictIndexSignatures: false, unknownAny: true, maxItems: -1 })
  return `${HEADER}\n${ts.trim()}\n`
}

function bodySchemaNames(groups: GroupFile[]): string[] {
  return [...new Set(groups.flatMap((g) => g.routes.map((r) => r.body)).filter((n): n is string => n !== undefined))].sort()
}

function restValidators(groups: GroupFile[], schemas: Record<string, Json>): string {
  const parts = [HEADER, "import { Hashing } from 'typebox/system'", "import { Guard } from 'typebox/guard'", '', "// Each check below is TypeBox's generated code for one request body schema.", 'void Hashing', 'void Guard', '']
  const names = bodySchemaNames(groups)
  for (const name of names) {
    const { Code: code, External } = Code(inline(schemas[name], schemas) as never)
    const externals = (External.variables as unknown[]).map((v) => {
      if (v instanceof RegExp) return v.toString()
      throw new Error(`schemas/rest: ${name}: TypeBox needs a runtime value gen cannot serialise (${String(v)}); avoid "format" in request bodies`)
    })
    const body = code
      .split('\n')
      .filter((line) => !line.startsWith('import ') && !line.startsWith('// @ts-ignore') && !line.includes('SetExternal') && !line.startsWith('let External'))
      .join('\n')
      .replace(/export function Check/g, 'return function Check')
      .trim()
    parts.push(`const check_${name} = ((): ((value: unknown) => boolean) => {\n  const External: any[] = [${externals.join(', ')}]\n  void External\n${body.split('\n').map((l) => '  ' + l).join('\n')}\n})()`)
  }
  parts.push('')
  parts.push('/** Precompiled request body checks, by schema name. */')
  parts.push('export const REST_BODY_CHECKS: Record<string, (value: unknown) => boolean> = {')
  for (const name of names) parts.push(`  ${name}: check_${name},`)
  parts.push('}\n')
  return '// @ts-nocheck\n' + parts.join('\n')
}

function restApi(groups: GroupFile[], schemas: Record<string, Json>): string {
  const routes = groups.flatMap((g) =>
    g.routes.map((r) => ({
      group: g.group,
      method: r.method,
      path: r.path,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      query: r.query ?? [],
      ...(r.list ? { list: { defaultSort: r.list.default_sort, fields: r.list.fields } } : {}),
      ...(r.body ? { body: r.body, bodyOptional: r.body_optional === true } : {}),
      responses: r.responses,
    })),
  )
  const bodies = Object.fromEntries(bodySchemaNames(groups).map((name) => [name, inline(schemas[name], schemas)]))
  const examples = groups.filter((g) => g.example).map((g) => ({ group: g.group, title: g.title, description: g.description, example: g.example }))
  return `${HEADER}
export type RestFilterOp = ${FILTER_OPS.map((op) => `'${op}'`).join(' | ')}

export interface RestListField {
  type: ${FIELD_TYPES.map((t) => `'${t}'`).join(' | ')}
  ops: RestFilterOp[]
  sortable?: boolean
  enum?: string[]
}

export interface RestQueryParam {
  name: string
  type: 'string' | 'integer' | 'number' | 'boolean'
  enum?: string[]
  required?: boolean
  description: string
}

export interface RestRouteDefinition {
  group: string
  method: ${METHODS.map((m) => `'${m}'`).join(' | ')}
  /** OpenAPI form, under /api/v1: \`/executions/{id}/logs\`. */
  path: string
  summary: string
  description?: string
  query: RestQueryParam[]
  list?: { defaultSort: { field: string; order: 'asc' | 'desc' }; fields: Record<string, RestListField> }
  body?: string
  bodyOptional?: boolean
  responses: Record<string, { description: string; schema?: string; media?: string }>
}

export interface RestGroupExample {
  group: string
  title: string
  description: string
  example: { request: { method: string; path: string; body?: unknown }; response: { status: number; headers?: Record<string, string>; body?: unknown; text?: string } }
}

export const REST_ROUTES: readonly RestRouteDefinition[] = ${JSON.stringify(routes, null, 2)}

/** Request body schemas with every $ref inlined, by name (for error walks and alias mapping). */
export const REST_BODY_SCHEMAS: Readonly<Record<string, Record<string, unknown>>> = ${JSON.stringify(bodies, null, 2)}

export const REST_EXAMPLES: readonly RestGroupExample[] = ${JSON.stringify(examples, null, 2)}
`
}

const LIST_PARAMS = [
  { name: '_start', schema: { type: 'integer', minimum: 0 }, description: 'First item (0-based); with _end.' },
  { name: '_end', schema: { type: 'integer', minimum: 1 }, description: 'End (exclusive); at most 100 items per window.' },
  { name: 'page', schema: { type: 'integer', minimum: 1 }, description: '1-based page; with limit.' },
  { name: 'limit', schema: { type: 'integer', minimum: 1, maximum: 100, default: 25 }, description: 'Items per page (default 25, max 100).' },
  { name: '_sort', schema: { type: 'string' }, description: 'Sort field.' },
  { name: '_order', schema: { type: 'string', enum: ['asc', 'desc', 'ASC', 'DESC'] }, description: 'Sort direction.' },
]

const OP_SUFFIX: Record<FilterOp, string> = { eq: '', ne: '_ne', like: '_like', gte: '_gte', lte: '_lte', in: '_in', not_in: '_not_in', starts_with: '_starts_with', ends_with: '_ends_with' }

function openApi(groups: GroupFile[], version: string): Json {
  const paths: Record<string, Json> = {}
  const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: `${REF_PREFIX}ErrorBody` } } } })
  for (const group of groups) {
    for (const route of group.routes) {
      const pathParams = [...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }))
      const query = (route.query ?? []).map((q) => ({ name: q.name, in: 'query', required: q.required === true, description: q.description, schema: { type: q.type, ...(q.enum ? { enum: q.enum } : {}) } }))
      const listParams = route.list ? LIST_PARAMS.map((p) => ({ ...p, in: 'query', required: false })) : []
      const filterParams = Object.entries(route.list?.fields ?? {}).flatMap(([field, def]) =>
        def.ops.map((op) => ({
          name: `${field}${OP_SUFFIX[op]}`,
          in: 'query',
          required: false,
          description: `Filter: ${field} ${op === 'eq' ? 'equals' : op.replace('_', ' ')}${op === 'in' || op === 'not_in' ? ' (comma-separated)' : ''}.`,
          schema: { type: def.type === 'date-time' ? 'string' : def.type, ...(def.type === 'date-time' ? { format: 'date-time' } : {}), ...(def.enum && (op === 'eq' || op === 'ne') ? { enum: def.enum } : {}) },
        })),
      )
      const responses: Record<string, Json> = {}
      for (const [status, response] of Object.entries(route.responses)) {
        const media = response.media ?? 'application/json'
        responses[status] = {
          description: response.description,
          ...(response.schema ? { content: { [media]: { schema: { $ref: `${REF_PREFIX}${response.schema}` } } } } : {}),
          ...(route.list && status === '200' ? { headers: { 'X-Total-Count': { description: 'Items matching the filters, in all pages.', schema: { type: 'integer' } } } } : {}),
          ...(status === '202' || status === '201' ? { headers: { Location: { description: 'The URL of what was created.', schema: { type: 'string' } } } } : {}),
        }
      }
      if (route.body) responses['400'] = errorResponse('The body or query is invalid; details.errors lists each JSON path.')
      responses['401'] = errorResponse('No valid credential.')
      responses['403'] = errorResponse('A permission or task pattern refuses it.')
      if (route.path.includes('{')) responses['404'] = errorResponse('Unknown id.')
      if (route.body || route.method !== 'GET') {
        responses['413'] = errorResponse('The body is too large.')
        responses['415'] = errorResponse('The body is not application/json.')
      }
      responses['429'] = errorResponse('A rate limit refused it; Retry-After says when to retry.')
      const operation: Json = {
        tags: [group.title],
        operationId: `${route.method.toLowerCase()}${pascal(route.path.replace(/\{id\}/g, 'by-id'))}`,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        parameters: [...pathParams, ...query, ...listParams, ...filterParams],
        ...(route.body ? { requestBody: { required: route.body_optional !== true, content: { 'application/json': { schema: { $ref: `${REF_PREFIX}${route.body}` } } } } } : {}),
        responses,
      }
      const path = `/api/v1${route.path}`
      paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation }
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ratchet REST API',
      version,
      description: 'The REST door of `ratchet serve`. Bodies and query parameters are snake_case; the camelCase spellings (taskId, cronExpression, ...) are accepted as aliases. Lists take Refine-style parameters and answer {data, meta} with X-Total-Count. Errors are {error: {code, message, status, details?}}.',
    },
    servers: [{ url: '/' }],
    // Files sharing a title (the task reads and the task writes) share one tag.
    tags: [...new Map(groups.filter((g) => g.routes.length > 0).map((g) => [g.title, { name: g.title, description: g.description }] as const).reverse()).values()].reverse(),
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key, JWT or OAuth2 access token: Authorization: Bearer <credential>.' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
      schemas: allSchemas(groups),
    },
  }
}

function describeFields(schema: Json): string[] {
  const props = (schema.properties ?? {}) as Record<string, Json>
  const required = new Set((schema.required ?? []) as string[])
  return Object.entries(props).map(([key, prop]) => {
    const type = Array.isArray(prop.enum) ? prop.enum.map((v) => JSON.stringify(v)).join(' \\| ') : Array.isArray(prop.type) ? prop.type.join(' \\| ') : typeof prop.$ref === 'string' ? prop.$ref.slice(REF_PREFIX.length) : String(prop.type ?? 'any')
    return `- \`${key}\`${required.has(key) ? ' **required**' : ''} — ${type}${prop.default === undefined ? '' : ` (default ${JSON.stringify(prop.default)})`}${prop.description ? `: ${String(prop.description)}` : ''}`
  })
}

function restDocs(groups: GroupFile[], schemas: Record<string, Json>): string {
  const lines = [
    '<!-- GENERATED FILE — DO NOT EDIT. Edit schemas/rest/*.json and run `bun run gen`. -->',
    '# Ratchet REST API (`/api/v1`)',
    '',
    'Served by `ratchet serve`; the OpenAPI 3.1 document is at `/api-docs/openapi.json` and a browsable page at `/docs`.',
    '',
    '- **Auth**: the same API keys, JWTs and OAuth2 tokens as the MCP door (`Authorization: Bearer <credential>` or `X-API-Key`), the same permissions, task patterns, rate limits (429 + `Retry-After`) and audit lines. Each route is one operation (`task.read`, `execution.create`, ...): see `src/http/rest/route-operations.ts`.',
    '- **Bodies** are `application/json` only (anything else is 415; too large is 413) and snake_case; the camelCase spellings (`taskId`, `cronExpression`, `scheduledFor`, `maxRetries`, ...) are accepted as aliases, in bodies and query parameters.',
    '- **Lists** take `_start`/`_end` (end exclusive) or `page` (1-based)/`limit` (default 25, max 100), `_sort`/`_order`, and filters `field=value`, `field_ne`, `field_like`, `field_gte`, `field_lte`, `field_in`/`field_not_in` (comma-separated), `field_starts_with`, `field_ends_with` on the fields each list names. They answer `{data, meta: {total, page, limit, offset, total_pages, has_next, has_previous, sort, timestamp}}` and `X-Total-Count`.',
    '- **Errors** are `{error: {code, message, status, details?}}`; an invalid body lists every JSON path in `details.errors`; an unknown route is 404 with `details.suggestions`.',
    '',
  ]
  for (const group of groups) {
    if (group.routes.length === 0) continue
    lines.push(`## ${group.title}`, '', group.description, '', '| Method | Path | Summary |', '|---|---|---|')
    for (const route of group.routes) lines.push(`| ${route.method} | \`/api/v1${route.path}\` | ${route.summary} |`)
    lines.push('')
    for (const route of group.routes) {
      lines.push(`### \`${route.method} /api/v1${route.path}\` — ${route.summary}`, '')
      if (route.description) lines.push(route.description, '')
      if (route.query?.length) lines.push('**Query**', '', ...route.query.map((q) => `- \`${q.name}\`${q.required ? ' **required**' : ''} — ${q.enum ? q.enum.map((v) => JSON.stringify(v)).join(' \\| ') : q.type}: ${q.description}`), '')
      if (route.list) {
        const fields = Object.entries(route.list.fields)
        lines.push(`**List**: default sort \`${route.list.default_sort.field}\` ${route.list.default_sort.order}.${fields.length ? ' Filters:' : ''}`, '')
        for (const [field, def] of fields) lines.push(`- \`${field}\` (${def.type}${def.enum ? `: ${def.enum.join(', ')}` : ''}): ${def.ops.map((op) => `\`${field}${OP_SUFFIX[op]}\``).join(', ')}${def.sortable ? '; sortable' : ''}`)
        if (fields.length) lines.push('')
      }
      if (route.body) lines.push(`**Body** (\`${route.body}\`${route.body_optional ? ', optional' : ''})`, '', ...describeFields(schemas[route.body]!), '')
      lines.push('**Responses**', '', ...Object.entries(route.responses).map(([status, r]) => `- \`${status}\`${r.schema ? ` \`${r.schema}\`` : ''}: ${r.description}`), '')
    }
    if (group.example) {
      const { request, response } = group.example
      lines.push('**Example**', '', '```http', `${request.method} ${request.path}`, ...(request.body !== undefined ? ['Content-Type: application/json', '', JSON.stringify(request.body, null, 2)] : []), '```', '', '```http', `HTTP/1.1 ${response.status}`, ...Object.entries(response.headers ?? {}).map(([k, v]) => `${k}: ${v}`), '', response.text ?? JSON.stringify(response.body, null, 2), '```', '')
    }
  }
  return lines.join('\n')
}

/** Every REST output file, by path. */
export async function restOutputs(root: string): Promise<Record<string, string>> {
  const groups = loadRestGroups(root)
  const schemas = allSchemas(groups)
  checkExamples(groups, schemas)
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
  const document = openApi(groups, version)
  return {
    'generated/rest-types.ts': await restTypes(groups, schemas),
    'generated/rest-validators.ts': restValidators(groups, schemas),
    'generated/rest-api.ts': restApi(groups, schemas),
    'generated/rest-openapi.ts': `${HEADER}\n/** The OpenAPI 3.1 document of the REST door (also generated/openapi.json). */\nexport const OPENAPI_DOCUMENT: Readonly<Record<string, unknown>> = ${JSON.stringify(document, null, 2)}\n`,
    'generated/openapi.json': JSON.stringify(document, null, 2) + '\n',
    'docs/rest.md': restDocs(groups, schemas),
  }
}
