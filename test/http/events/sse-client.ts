/** A minimal SSE reader for tests: frames parsed from a fetch() body, one at a time. */
export interface SseFrame {
  id?: string
  event?: string
  data?: string
  comment?: string
}

export function parseFrames(text: string): SseFrame[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const frame: SseFrame = {}
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) frame.comment = line.slice(1).trim()
        else {
          const at = line.indexOf(': ')
          const field = at === -1 ? line : line.slice(0, at)
          const value = at === -1 ? '' : line.slice(at + 2)
          if (field === 'id' || field === 'event' || field === 'data') frame[field] = value
        }
      }
      return frame
    })
}

export class SseReader {
  private buffer = ''
  private readonly decoder = new TextDecoder()
  private readonly reader: { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> }
  /** A read still in flight after a timed-out wait: the next wait reuses it so no chunk is lost. */
  private pending: Promise<{ done: boolean; value?: Uint8Array }> | null = null

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader() as never
  }

  /** Reads until `count` frames matching `keep` arrived (default: frames with an event), or throws after `timeoutMs`. */
  async take(count: number, keep: (frame: SseFrame) => boolean = (f) => f.event !== undefined, timeoutMs = 3000): Promise<SseFrame[]> {
    const out: SseFrame[] = []
    const deadline = Date.now() + timeoutMs
    while (out.length < count) {
      let end = this.buffer.indexOf('\n\n')
      while (end !== -1 && out.length < count) {
        const frame = parseFrames(this.buffer.slice(0, end + 2))[0]
        this.buffer = this.buffer.slice(end + 2)
        if (frame && keep(frame)) out.push(frame)
        end = this.buffer.indexOf('\n\n')
      }
      if (out.length >= count) break
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`timed out with ${out.length} of ${count} frames`)
      this.pending ??= this.reader.read()
      const next = await Promise.race([this.pending, Bun.sleep(left).then(() => null)])
      if (next === null) continue
      this.pending = null
      if (next.done || !next.value) throw new Error(`stream ended with ${out.length} of ${count} frames`)
      this.buffer += this.decoder.decode(next.value, { stream: true })
    }
    return out
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {})
  }
}
