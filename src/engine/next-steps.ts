/**
 * The next steps the engine's errors suggest, in words that name no door: each door swaps them for
 * its own (REST a route, MCP a tool) where it maps errors to responses, and passes any other hint on.
 */
export const NEXT_STEPS = {
  listTasks: 'List the tasks to see their names.',
  listExecutions: 'List the executions to see their ids.',
} as const

export type NextStep = keyof typeof NEXT_STEPS

/** `hint` in a door's words: the door's wording when it is one of NEXT_STEPS, else `hint` itself. */
export function doorHint(hint: string | undefined, wording: Readonly<Record<NextStep, string>>): string | undefined {
  if (hint === undefined) return undefined
  for (const step of Object.keys(NEXT_STEPS) as NextStep[]) if (NEXT_STEPS[step] === hint) return wording[step]
  return hint
}
