/**
 * Resources declared in the config (`mcp.resources`): files or fixed text served next to the
 * `ratchet://` resources, so a client can read reference data, docs or samples the tasks work with.
 *
 *   mcp:
 *     resources:
 *       - { uri: "docs://guide", name: guide, file: docs/guide.md }              # text: read as text
 *       - { uri: "img://logo", name: logo, file: logo.png }                     # binary: read as a base64 blob
 *       - { uri: "data://customers/{id}", name: customer, file: "data/{{id}}.json" }   # a template
 *
 * A URI with `{var}` placeholders is a template (resources/templates/list); reading a matching URI fills
 * `{{var}}` in `text` and `file`. A client may subscribe to a file resource: it gets
 * notifications/resources/updated whenever the file changes. Paths are relative to the config file.
 */
import { watch, type FSWatcher } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { CompleteResult, ReadResourceResult, Resource, ResourceTemplate } from '@modelcontextprotocol/sdk/types.js'
import type { Config } from '../config/types.ts'
import { fillPlaceholders, isTextMimeType, mimeTypeOf } from './internal/config-content.ts'
import { ProtocolError } from './internal/protocol-error.ts'

/** `mcp.resources[]` as written in the config (already checked against the config schema). */
export interface ConfigResourceDefinition {
  uri: string
  name: string
  title?: string
  description?: string
  mime_type?: string
  file?: string
  text?: string
}

interface Declared {
  definition: ConfigResourceDefinition
  /** Matches a concrete URI and returns its variables, for templates. */
  match?: (uri: string) => Record<string, string> | null
}

export interface ConfigResources {
  list(): Resource[]
  templates(): ResourceTemplate[]
  /** True when `uri` is one of these resources (or matches one of these templates). */
  owns(uri: string): boolean
  read(uri: string): Promise<ReadResourceResult>
  /** Watches a file resource for the session; `onChange` runs on every change until unsubscribe. */
  subscribe(uri: string, onChange: () => void): void
  unsubscribe(uri: string): void
  /** completion/complete for a template's variables: no suggestions (the values are free-form). */
  complete(uri: string): CompleteResult | null
  close(): void
}

const RESOURCE_NOT_FOUND = -32002
const VARIABLE = /\{([A-Za-z0-9_]+)\}/g

/** `scheme://a/{id}/b` → a matcher returning `{ id }` (RFC 6570 level 1: one path segment per variable). */
function templateMatcher(template: string): ((uri: string) => Record<string, string> | null) | undefined {
  const names: string[] = []
  const source = template.split(VARIABLE).map((part, index) => {
    if (index % 2 === 1) {
      names.push(part)
      return '([^/?#]+)'
    }
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  })
  if (names.length === 0) return undefined
  const pattern = new RegExp(`^${source.join('')}$`)
  return (uri) => {
    const found = pattern.exec(uri)
    if (!found) return null
    try {
      return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]))
    } catch {
      return null
    }
  }
}

/** Reads `mcp.resources` from the config tree. */
export function configResourceDefinitions(config: Config): ConfigResourceDefinition[] {
  const mcp = config.raw.mcp as { resources?: ConfigResourceDefinition[] } | undefined
  return mcp?.resources ?? []
}

export function createConfigResources(config: Config): ConfigResources {
  const declared: Declared[] = configResourceDefinitions(config).map((definition) => ({ definition, match: templateMatcher(definition.uri) }))
  const watchers = new Map<string, FSWatcher>()

  const find = (uri: string): { declared: Declared; vars: Record<string, string> } | null => {
    for (const entry of declared) {
      if (!entry.match && entry.definition.uri === uri) return { declared: entry, vars: {} }
    }
    for (const entry of declared) {
      const vars = entry.match?.(uri)
      if (vars) return { declared: entry, vars }
    }
    return null
  }

  const filePath = (definition: ConfigResourceDefinition, vars: Record<string, string>, uri: string): string | null => {
    if (definition.file === undefined) return null
    for (const value of Object.values(vars)) {
      // A variable fills a file name, never a path: no separators, no parent folders.
      if (/[/\\\0]/.test(value) || value === '..' || value === '.') throw new ProtocolError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}`, { uri })
    }
    const path = fillPlaceholders(definition.file, vars)
    return isAbsolute(path) ? path : resolve(config.baseDir, path)
  }

  const describe = (definition: ConfigResourceDefinition) => ({
    name: definition.name,
    ...(definition.title !== undefined ? { title: definition.title } : {}),
    ...(definition.description !== undefined ? { description: definition.description } : {}),
  })

  return {
    list: () =>
      declared
        .filter((entry) => !entry.match)
        .map(({ definition }) => ({ uri: definition.uri, ...describe(definition), mimeType: definition.mime_type ?? mimeTypeOf(definition.file) })),
    templates: () =>
      declared
        .filter((entry) => entry.match)
        .map(({ definition }) => ({ uriTemplate: definition.uri, ...describe(definition), mimeType: definition.mime_type ?? mimeTypeOf(definition.file) })),
    owns: (uri) => find(uri) !== null,
    async read(uri) {
      const found = find(uri)
      if (!found) throw new ProtocolError(RESOURCE_NOT_FOUND, `Resource not found: ${uri}`, { uri })
      const { definition } = found.declared
      const path = filePath(definition, found.vars, uri)
      const mimeType = definition.mime_type ?? mimeTypeOf(path ?? undefined)
      if (path === null) return { contents: [{ uri, mimeType, text: fillPlaceholders(definition.text ?? '', found.vars) }] }
      const file = Bun.file(path)
      if (!(await file.exists())) throw new ProtocolError(RESOURCE_NOT_FOUND, `Resource not found: ${uri} (no file ${path})`, { uri })
      if (isTextMimeType(mimeType)) return { contents: [{ uri, mimeType, text: await file.text() }] }
      return { contents: [{ uri, mimeType, blob: Buffer.from(await file.arrayBuffer()).toString('base64') }] }
    },
    subscribe(uri, onChange) {
      if (watchers.has(uri)) return
      const found = find(uri)
      const path = found ? filePath(found.declared.definition, found.vars, uri) : null
      if (path === null) return
      try {
        const watcher = watch(path, { persistent: false }, () => onChange())
        watcher.on('error', () => watchers.delete(uri))
        watchers.set(uri, watcher)
      } catch {
        // A file that does not exist yet cannot be watched; reads still report it missing.
      }
    },
    unsubscribe(uri) {
      watchers.get(uri)?.close()
      watchers.delete(uri)
    },
    complete(uri) {
      return declared.some((entry) => entry.match && entry.definition.uri === uri) ? { completion: { values: [], total: 0, hasMore: false } } : null
    },
    close() {
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    },
  }
}
