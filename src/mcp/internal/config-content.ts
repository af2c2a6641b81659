/** Helpers shared by the config-declared resources and prompts. */

/** Replaces `{{name}}` with `values[name]`; unknown names stay as written. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole))
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|yaml|x-yaml|javascript|ecmascript|toml|x-sh|sql|graphql)\b)|[+/](json|xml|yaml)$/i

/** Whether content of this MIME type is sent as text (otherwise as a base64 blob). */
export function isTextMimeType(mimeType: string): boolean {
  return TEXT_TYPES.test(mimeType.split(';')[0].trim())
}

/** The MIME type of a file from its extension (Bun's table), text/plain without a file or a known extension. */
export function mimeTypeOf(path: string | undefined): string {
  if (path === undefined) return 'text/plain'
  const type = Bun.file(path).type.split(';')[0]
  return type === 'application/octet-stream' && !/\.[A-Za-z0-9]+$/.test(path) ? 'text/plain' : type
}
