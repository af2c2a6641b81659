/**
 * The predecessor's camelCase spellings as aliases of the snake_case names: `taskId` → `task_id`,
 * `cronExpression` → `cron_expression`, in bodies (wherever the schema names the snake_case key, also
 * inside destinations) and in query parameters (`taskId_like` → `task_id_like`). Free-form values
 * (`input`, `input_data`, `headers`) are never touched. Giving both spellings of one field is refused.
 */
import { AppError } from '../../errors.ts'

/** `taskId` → `task_id`, `maxRetries` → `max_retries`; snake_case stays as it is. */
export const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

/** Other names a body field is known by (beyond its camelCase spelling), per body schema. */
const EXTRA_ALIASES: Record<string, Record<string, string>> = {
  CreateExecutionRequest: { input_data: 'input' },
  CreateJobRequest: { input_data: 'input' },
  CreateScheduleRequest: { input: 'input_data' },
  UpdateScheduleRequest: { input: 'input_data' },
}

type Schema = Record<string, unknown>

/** The properties an object schema (or any branch of an anyOf/oneOf of object schemas) names. */
function propertiesOf(schema: Schema): Record<string, Schema> | null {
  if (schema.properties && typeof schema.properties === 'object') return schema.properties as Record<string, Schema>
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined
  if (!Array.isArray(branches)) return null
  const merged: Record<string, Schema> = {}
  for (const branch of branches) Object.assign(merged, propertiesOf(branch) ?? {})
  return Object.keys(merged).length > 0 ? merged : null
}

function rename(value: unknown, schema: Schema, path: string, extra: Record<string, string>): unknown {
  if (Array.isArray(value)) {
    const items = schema.items as Schema | undefined
    return items ? value.map((item, index) => rename(item, items, `${path}/${index}`, {})) : value
  }
  if (value === null || typeof value !== 'object') return value
  const properties = propertiesOf(schema)
  if (!properties) return value
  const out: Record<string, unknown> = {}
  const spelledAs: Record<string, string> = {}
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const snake = snakeCase(key)
    const target = Object.hasOwn(properties, key) ? key : Object.hasOwn(properties, snake) ? snake : (extra[key] ?? extra[snake] ?? key)
    if (Object.hasOwn(out, target)) {
      throw new AppError('BAD_INPUT', `The body gives ${path}/${target} twice, as "${spelledAs[target]}" and "${key}"`, {
        data: { errors: [{ path: `${path}/${key}`, message: `is another spelling of '${target}', which is already given` }], hint: `Send only "${target}".` },
        hint: `Send only "${target}".`,
      })
    }
    spelledAs[target] = key
    const child = properties[target]
    out[target] = child ? rename(item, child, `${path}/${target}`, {}) : item
  }
  return out
}

/** The body with every alias renamed to the name `schema` uses. */
export function normaliseBody(schemaName: string, schema: Schema, body: unknown): unknown {
  return rename(body, schema, '', EXTRA_ALIASES[schemaName] ?? {})
}
