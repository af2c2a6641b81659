export interface LineBufferOptions {
  /** Lines held before a write is started. */
  size: number
  /** Longest a line waits before it is written. */
  flushIntervalMs: number
  /** Writes one batch; batches are written one at a time, in order. */
  write: (lines: string[]) => Promise<void> | void
  /** Called with a batch's write error; the batch is dropped. */
  onError: (error: unknown) => void
}

/**
 * Collects lines and writes them in batches, when `size` lines are waiting or `flushIntervalMs`
 * after the first one, so that logging costs one write per batch, not one per line. The timer only
 * runs while lines are waiting, and never keeps the process alive.
 */
export class LineBuffer {
  private lines: string[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private chain: Promise<void> = Promise.resolve()

  constructor(private readonly options: LineBufferOptions) {}

  push(line: string): void {
    this.lines.push(line)
    if (this.lines.length >= this.options.size) {
      void this.flush()
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), this.options.flushIntervalMs)
      this.timer.unref?.()
    }
  }

  /** Starts writing what is waiting; resolves when every batch so far is written (or has failed). */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    if (this.lines.length > 0) {
      const batch = this.lines
      this.lines = []
      this.chain = this.chain.then(() => this.options.write(batch)).catch((error) => this.options.onError(error))
    }
    return this.chain
  }
}
