import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises'
import { dirname } from 'node:path'

export interface RotatingFileOptions {
  path: string
  /** Bytes after which the file is rotated. A single longer line gets a file to itself. */
  maxSize: number
  /** Rotated files kept (`path.1` is the newest); 0 starts the file afresh instead. */
  maxBackups: number
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT'
}

/**
 * Appends lines to a log file, rotating before a write would take it past `maxSize`:
 * path.(n-1) → path.n, …, path → path.1, dropping what falls off the end. Callers serialise calls.
 */
export class RotatingFile {
  /** Current size of the file, known after the first write. */
  private size: number | undefined

  constructor(private readonly options: RotatingFileOptions) {}

  async append(lines: readonly string[]): Promise<void> {
    const { path, maxSize } = this.options
    try {
      if (this.size === undefined) {
        await mkdir(dirname(path), { recursive: true })
        this.size = await stat(path).then(
          (s) => s.size,
          (error) => (isMissing(error) ? 0 : Promise.reject(error)),
        )
      }
      let group = ''
      let groupBytes = 0
      for (const line of lines) {
        const bytes = Buffer.byteLength(line)
        const size = this.size ?? 0
        if (size + groupBytes + bytes > maxSize && size + groupBytes > 0) {
          if (group) await this.write(group, groupBytes)
          group = ''
          groupBytes = 0
          await this.rotate()
        }
        group += line
        groupBytes += bytes
      }
      if (group) await this.write(group, groupBytes)
    } catch (error) {
      // Someone may have moved or truncated the file: measure it again next time.
      this.size = undefined
      throw error
    }
  }

  private async write(text: string, bytes: number): Promise<void> {
    await appendFile(this.options.path, text)
    this.size = (this.size ?? 0) + bytes
  }

  private async rotate(): Promise<void> {
    const { path, maxBackups } = this.options
    if (maxBackups === 0) {
      await rm(path, { force: true })
    } else {
      await rm(`${path}.${maxBackups}`, { force: true })
      for (let i = maxBackups - 1; i >= 1; i--) {
        await rename(`${path}.${i}`, `${path}.${i + 1}`).catch((error) => (isMissing(error) ? undefined : Promise.reject(error)))
      }
      await rename(path, `${path}.1`).catch((error) => (isMissing(error) ? undefined : Promise.reject(error)))
    }
    this.size = 0
  }
}
