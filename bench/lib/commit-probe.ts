/**
 * Measurement probe (bench only): wraps WriteBuffer.prototype.flush to count the transactions the store
 * commits, how many buffered ops each carries and the wall time the event loop spends blocked in them.
 * Adds two performance.now() calls per flush; nothing in src/ is changed.
 */
import { WriteBuffer } from '../../src/store/write-buffer.ts'

export interface CommitStats {
  flushes: number
  ops: number
  blockedMs: number
}

const stats: CommitStats = { flushes: 0, ops: 0, blockedMs: 0 }
let installed = false

export function installCommitProbe(): void {
  if (installed) return
  installed = true
  const original = WriteBuffer.prototype.flush
  WriteBuffer.prototype.flush = function (this: WriteBuffer) {
    const pending = this.pending
    if (pending === 0) return original.call(this)
    const t0 = performance.now()
    try {
      return original.call(this)
    } finally {
      stats.blockedMs += performance.now() - t0
      stats.flushes++
      stats.ops += pending
    }
  }
}

export function commitSnapshot(): CommitStats {
  return { ...stats }
}

export function commitDelta(before: CommitStats): CommitStats {
  return { flushes: stats.flushes - before.flushes, ops: stats.ops - before.ops, blockedMs: stats.blockedMs - before.blockedMs }
}
