/**
 * One queue per task folder for the whole process: two writers of one folder (an MCP edit and a REST
 * update, say) never interleave. Keys are absolute folder paths.
 */
const locks = new Map<string, Promise<unknown>>()

/** Runs `fn` after every earlier call with the same key has finished. */
export async function withFolderLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve()
  const run = previous.catch(() => undefined).then(fn)
  const tail = run.catch(() => undefined)
  locks.set(key, tail)
  try {
    return await run
  } finally {
    if (locks.get(key) === tail) locks.delete(key)
  }
}
