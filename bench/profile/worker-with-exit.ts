/**
 * Profiling aid: the real worker entry, plus a SIGTERM handler that exits normally so that
 * `bun --cpu-prof` writes the worker's profile (the pool stops idle workers with SIGTERM).
 */
export {}
process.on('SIGTERM', () => process.exit(0))
await import('../../src/pool/worker-entry.ts')
