const encoder = new TextEncoder()

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; bytes: number; truncated: boolean } {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes <= maxBytes) return { text, bytes, truncated: false }
  const { read } = encoder.encodeInto(text, new Uint8Array(Math.max(0, maxBytes)))
  return { text: text.slice(0, read), bytes, truncated: true }
}
