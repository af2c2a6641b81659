/** The last `size` domain events, oldest first, for Last-Event-ID replay. */
import type { DomainEvent } from '../../events/types.ts'

export interface EventRing {
  push(event: DomainEvent): void
  /** Events with an id greater than `id`, oldest first. */
  after(id: number): DomainEvent[]
  /** The id of the oldest event kept, or null when empty. */
  oldestId(): number | null
  readonly size: number
}

export function createEventRing(capacity: number): EventRing {
  const slots: (DomainEvent | undefined)[] = new Array(capacity)
  let start = 0
  let length = 0
  const at = (i: number) => slots[(start + i) % capacity]!
  return {
    push(event) {
      if (length < capacity) {
        slots[(start + length) % capacity] = event
        length++
      } else {
        slots[start] = event
        start = (start + 1) % capacity
      }
    },
    after(id) {
      const out: DomainEvent[] = []
      for (let i = 0; i < length; i++) {
        const event = at(i)
        if (event.id > id) out.push(event)
      }
      return out
    },
    oldestId: () => (length > 0 ? at(0).id : null),
    get size() {
      return length
    },
  }
}
