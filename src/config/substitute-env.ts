import { AppError } from '../errors.ts'
import { coerceScalar } from './internal/coerce-scalar.ts'
import { formatKeyPath, type KeyPath } from './internal/key-path.ts'
import type { SchemaNode } from './internal/schema-at.ts'

export type Env = Record<string, string | undefined>

/** Where each key that took its value from the environment got it, by formatted key path. */
export type ValueOrigins = Map<string, string>

interface Problem {
  path: string
  reference: string
  variable?: string
}

const REFERENCE = /\$\$\{|\$\{([^}]*)\}|\$\{/g
const INNER = /^([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?$/s

function substituteString(text: string, env: Env, path: string, problems: Problem[]): string {
  return text.replace(REFERENCE, (match: string, inner: string | undefined) => {
    if (match === '$${') return '${'
    const parsed = inner === undefined ? null : INNER.exec(inner)
    if (!parsed) {
      problems.push({ path, reference: match })
      return match
    }
    const [, name, fallback] = parsed
    const value = env[name]
    // Like the shell's `:-`, an empty value counts as unset when a default is given.
    if (value !== undefined && (value !== '' || fallback === undefined)) return value
    if (fallback !== undefined) return fallback
    problems.push({ path, reference: match, variable: name })
    return match
  })
}

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string value (not in keys) with values from
 * `env`; `$${` is a literal `${`. A value that was substituted is coerced to the number or boolean
 * the schema expects there (`port: ${PORT:-8090}` becomes 8090). Every unset variable without a
 * default, and every malformed reference, is reported in one CONFIG_INVALID error whose
 * `data.unresolved` lists `{ path, variable?, reference }` for each.
 */
export function substituteEnv(
  tree: Record<string, unknown>,
  env: Env,
  schema: SchemaNode,
  context: { file: string | null; origins: ValueOrigins },
): Record<string, unknown> {
  const problems: Problem[] = []
  const visit = (value: unknown, path: KeyPath): unknown => {
    if (typeof value === 'string') {
      if (!value.includes('${')) return value
      const key = formatKeyPath(path)
      const replaced = substituteString(value, env, key, problems)
      const names = [...value.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => `\${${m[1]}}`)
      context.origins.set(key, names.join(', '))
      return coerceScalar(schema, path, replaced)
    }
    if (Array.isArray(value)) return value.map((item, index) => visit(item, [...path, index]))
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, [...path, k])]))
    }
    return value
  }
  const result = visit(tree, []) as Record<string, unknown>
  if (problems.length === 0) return result

  const where = context.file ? ` in ${context.file}` : ''
  const lines = problems.map((p) =>
    p.variable
      ? `${p.path}: environment variable ${p.variable} is not set (used as ${p.reference})`
      : `${p.path}: malformed variable reference ${p.reference}; write \${NAME} or \${NAME:-default}`,
  )
  const missing = [...new Set(problems.flatMap((p) => (p.variable ? [p.variable] : [])))]
  const hint = missing.length
    ? `Export ${missing.join(', ')} before starting ratchet, or give a default in the file: \${${missing[0]}:-value}.`
    : 'Use ${NAME} or ${NAME:-default}; write $${ for a literal ${.'
  throw new AppError('CONFIG_INVALID', `Cannot substitute environment variables${where}:\n  ${lines.join('\n  ')}`, {
    data: { file: context.file, unresolved: problems.map((p) => ({ path: p.path, variable: p.variable, reference: p.reference })) },
    hint,
  })
}
