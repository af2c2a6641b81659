/**
 * Disk floor: what one durable commit costs on this disk, without SQLite. Appends 8 KiB (a couple of
 * WAL frames) to a file in the temp dir and fdatasync()s it, like a synchronous=FULL WAL commit does.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { summarize, type Summary } from './lib/stats.ts'

export function fsyncFloor(maxCount: number, maxMs: number): Summary {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-disk-'))
  const fd = openSync(join(dir, 'wal'), 'w')
  const block = Buffer.alloc(8192, 7)
  const samples: number[] = []
  try {
    const deadline = performance.now() + maxMs
    for (let i = 0; i < maxCount && performance.now() < deadline; i++) {
      const t0 = performance.now()
      writeSync(fd, block)
      fdatasyncSync(fd)
      samples.push(performance.now() - t0)
    }
  } finally {
    closeSync(fd)
    rmSync(dir, { recursive: true, force: true })
  }
  return summarize(samples)
}
