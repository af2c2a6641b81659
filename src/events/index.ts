/** Domain events of executions, jobs and schedules, and the in-process bus that carries them. */
export { bridgeEngineEvents } from './engine-events.ts'
export { createEventBus } from './event-bus.ts'
export type { DomainEvent, DomainEventInput, DomainEventType, EventBus } from './types.ts'
