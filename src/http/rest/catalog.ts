/**
 * The one seam between the REST door and generated/ (built by `bun run gen` from schemas/rest/): the
 * route table with its list fields, the request body schemas and their precompiled checks, the group
 * examples and the OpenAPI document. Nothing else under src/ imports generated REST code.
 */
import { REST_BODY_SCHEMAS, REST_EXAMPLES, REST_ROUTES, type RestGroupExample, type RestListField, type RestQueryParam, type RestRouteDefinition } from '../../../generated/rest-api.ts'
import { OPENAPI_DOCUMENT } from '../../../generated/rest-openapi.ts'
import { REST_BODY_CHECKS } from '../../../generated/rest-validators.ts'
import { AppError } from '../../errors.ts'
import { compileSchema, type SchemaError } from '../../tasks/schema.ts'
import type { JsonSchema } from '../../tasks/types.ts'

export type { RestGroupExample, RestListField, RestQueryParam, RestRouteDefinition }
export type * as RestTypes from '../../../generated/rest-types.ts'

export { OPENAPI_DOCUMENT, REST_EXAMPLES, REST_ROUTES }

/** `/executions/:id` → `/executions/{id}` (the OpenAPI spelling the table uses). */
export const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_]+)/g, '{$1}')

const byKey = new Map(REST_ROUTES.map((route) => [`${route.method} ${route.path}`, route]))

/** The definition of `method path` (either spelling of parameters), or undefined for a route schemas/rest/ does not describe. */
export function routeDefinition(method: string, path: string): RestRouteDefinition | undefined {
  return byKey.get(`${method} ${toOpenApiPath(path)}`)
}

/** A request body schema by name (every $ref inlined); throws for a name schemas/rest/ does not define. */
export function bodySchema(name: string): Record<string, unknown> {
  const schema = REST_BODY_SCHEMAS[name]
  if (!schema) throw new AppError('INTERNAL', `No request body schema named ${name} in schemas/rest/`, { hint: 'Name the schema as a route "body" in schemas/rest/*.json and run `bun run gen`.' })
  return schema
}

/** Every problem of `value` against the body schema `name` (empty when it is valid): the precompiled check first, TypeBox's error walk only for invalid bodies. */
export function bodyErrors(name: string, value: unknown): SchemaError[] {
  const check = REST_BODY_CHECKS[name]
  if (check?.(value)) return []
  const errors = compileSchema(bodySchema(name) as JsonSchema).errors(value)
  return errors.length > 0 || check === undefined ? errors : [{ path: '(root)', message: `does not match ${name}` }]
}
