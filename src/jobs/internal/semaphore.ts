/** At most `limit` holders at once; the others wait in arrival order. */
export interface Semaphore {
  run<T>(fn: () => Promise<T>): Promise<T>
}

export function createSemaphore(limit: number): Semaphore {
  let active = 0
  const waiting: (() => void)[] = []
  return {
    async run(fn) {
      // A finishing holder hands its slot straight to the next waiter, so a newcomer cannot slip in between.
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
      else active++
      try {
        return await fn()
      } finally {
        const next = waiting.shift()
        if (next) next()
        else active--
      }
    },
  }
}
