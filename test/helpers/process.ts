/** True while a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Polls `check` (which may be async) until it returns a truthy value or `timeoutMs` passes; returns the last value. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 3000, stepMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let value = await check()
  while (!value && Date.now() < deadline) {
    await Bun.sleep(stepMs)
    value = await check()
  }
  return value
}
