/**
 * The execution queue port. The in-memory FIFO serves a single node; a PostgreSQL-backed queue for
 * deployments that outgrow one machine implements the same four methods.
 */
export interface ExecutionQueue<T extends { id: string }> {
  /** Adds an item; returns false when the queue is full. */
  offer(item: T): boolean
  /** Takes the oldest item, if any. */
  take(): T | undefined
  /** Removes a waiting item by id (cancellation); returns it if it was waiting. */
  remove(id: string): T | undefined
  readonly size: number
  readonly capacity: number
}

export function createMemoryQueue<T extends { id: string }>(capacity: number): ExecutionQueue<T> {
  // A Map keeps insertion order, so the first key is the oldest item, and removal by id is O(1).
  const items = new Map<string, T>()
  return {
    offer(item) {
      if (items.size >= capacity) return false
      items.set(item.id, item)
      return true
    },
    take() {
      const first = items.keys().next()
      if (first.done) return undefined
      const item = items.get(first.value)!
      items.delete(first.value)
      return item
    },
    remove(id) {
      const item = items.get(id)
      if (item) items.delete(id)
      return item
    },
    get size() {
      return items.size
    },
    capacity,
  }
}
