/**
 * Authoring refusals as the development tools report them: the service's message, and a hint that
 * names the MCP tool to call next (the service's own hints are door-neutral). A tool that was refused
 * ran and failed: its result is `isError` with this message and hint, never a JSON-RPC error.
 */
import { refusalOf, type AuthoringRefusal } from '../../../authoring/index.ts'
import type { AppError } from '../../../errors.ts'

type HintOf = (name: string) => string

const MCP_HINTS: Partial<Record<AuthoringRefusal, HintOf>> = {
  not_found: () => 'List the tasks with ratchet_list_available_tasks (names are case-sensitive).',
  name_taken: (name) => `Change it with ratchet_edit_task {"task_id": "${name}", ...}, or pick another name.`,
  folder_exists: (name) => `Inspect it with ratchet_validate_task {"task_id": "${name}"}, remove it, or pick another name.`,
  invalid: () => 'Fix each problem listed and call the tool again; nothing was written.',
  nothing_to_change: () => 'To only check the task, use ratchet_validate_task; to only renumber it, ratchet_create_task_version.',
  not_loadable: (name) => `Fix it with ratchet_edit_task {"task_id": "${name}", ...}.`,
  read_only: (name) =>
    `Remove it from its own folder (or leave that source out of registry.sources) to drop it. To change it instead, use ratchet_edit_task {"task_id": "${name}", ...}: the edit is saved as a copy in the tasks folder that overrides it, and deleting that copy brings this one back.`,
  override_blocked: () => 'See why that folder is not loaded with ratchet_registry_health, then fix it or move it away and try again.',
  override_not_served: (name) => `Copy it under a NEW name instead: ratchet_export_tasks {"task_id": "${name}"}, then ratchet_import_tasks {"data": <its bundle>, "options": {"name_prefix": "my-"}}, then change "my-${name}".`,
  active_executions: () => 'Wait for them (ratchet_list_executions), cancel them, or pass force: true (running executions keep the code they started with).',
  bad_bundle: () => 'Pass what ratchet_export_tasks returned: its bundle (format "json") or zip_base64 (format "zip").',
}

export interface Refused {
  reason: AuthoringRefusal
  message: string
  hint: string
  /** The task's name, when the refusal concerns a loaded (or named) one. */
  name?: string
  data: Record<string, unknown>
}

/**
 * The refusal in `error` for a tool result, with the MCP hint (`overrides` wins for this tool); any
 * other error is rethrown for the MCP server to map.
 */
export function refused(error: unknown, overrides: Partial<Record<AuthoringRefusal, HintOf>> = {}): Refused {
  const reason = refusalOf(error)
  if (reason === null) throw error
  const { data = {}, message, hint } = error as AppError
  const name = typeof data.name === 'string' ? data.name : undefined
  const hintOf = overrides[reason] ?? MCP_HINTS[reason]
  return { reason, message, hint: hintOf ? hintOf(name ?? String(data.taskId ?? '')) : (hint ?? ''), ...(name !== undefined ? { name } : {}), data }
}
