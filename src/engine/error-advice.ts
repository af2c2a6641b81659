/**
 * The words of an error analysis: a root-cause paragraph and concrete suggestions, each built from the
 * recorded error, trace, logs and input — the path that needs a number, the property to guard, the
 * URL that answered 404, the timeout to pass.
 */
import { basename } from 'node:path'
import type { ExecutionError, ExecutionRecord, LogEntry, TraceSpan } from '../store/types.ts'
import type { TaskPackage } from '../tasks/types.ts'
import type { ErrorCategory, FailedHttpCall, InputValidationView } from './analyze-error.ts'
import { identifiersIn, parseMissingVariable, parseNotAFunction, parseUndefinedAccess, traceInputPath } from './error-facts.ts'
import { viewHttpCalls } from './execution-views.ts'
import { similarNames } from './resolve-task.ts'

export interface Advice {
  record: ExecutionRecord
  error: ExecutionError
  category: ErrorCategory
  spans: readonly TraceSpan[]
  failedCalls: FailedHttpCall[]
  logs: readonly LogEntry[]
  inputValidation?: InputValidationView
  task?: TaskPackage
  timeoutCapSeconds: number
}

const preview = (value: unknown, max = 120) => {
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > max ? text.slice(0, max) + '…' : text
}
const formatMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s` : `${Math.round(ms)} ms`)
const statusPhrase = (record: ExecutionRecord) => ({ failed: 'failed', timed_out: 'timed out', cancelled: 'was cancelled' } as Record<string, string>)[record.status] ?? `ended ${record.status}`

function where(error: ExecutionError): string {
  const loc = error.location
  if (!loc) return ''
  return ` at ${basename(loc.file)}:${loc.line}${loc.column ? `:${loc.column}` : ''}${loc.source ? ` (\`${loc.source}\`)` : ''}`
}

const details = (error: ExecutionError) => (error.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : {})
const schemaErrors = (error: ExecutionError) => (Array.isArray(details(error).errors) ? (details(error).errors as Array<{ path: string; message: string }>) : [])
const lastStatusCall = (calls: FailedHttpCall[]) => calls.filter((c) => c.status !== null).at(-1)
const lastErrorLog = (logs: readonly LogEntry[]) => logs.filter((l) => l.level === 'error').at(-1)

/** One paragraph: which execution failed how, then the specifics of its category, then its last error log line. */
export function describeRootCause(a: Advice): string {
  const { record, error } = a
  const took = record.durationMs === null || record.durationMs === undefined ? '' : ` after ${formatMs(record.durationMs)}`
  const head = `Execution ${record.id} of task "${record.taskName}" v${record.taskVersion} ${statusPhrase(record)}${took}.`
  const threw = `${error.type}${where(error)}: ${error.message}`
  let body: string
  switch (a.category) {
    case 'input_validation':
      body = error.code === 'INPUT_INVALID'
        ? `Its input did not match the task's input schema, so the task's code never ran: ${schemaErrors(error).map((e) => `${e.path} ${e.message}`).join('; ') || error.message}.`
        : `The task's own code rejected its input, throwing ${threw}.`
      break
    case 'output_validation':
      body = `The task's code ran to the end, but the value it returned does not match its output schema: ${schemaErrors(error).map((e) => `${e.path} ${e.message}`).join('; ') || error.message}.`
      break
    case 'timeout': {
      if (error.code !== 'TIMED_OUT') {
        body = `An operation inside the task timed out: ${threw}.`
        break
      }
      const timeoutMs = Number(details(error).timeoutMs)
      const slowest = viewHttpCalls(a.spans).sort((x, y) => y.duration_ms - x.duration_ms)[0]
      body = `It was still running when its timeout${Number.isFinite(timeoutMs) ? ` of ${formatMs(timeoutMs)}` : ''} elapsed, so its worker was stopped.`
      if (record.progress) body += ` It had last reported progress ${record.progress.progress}${record.progress.total ? `/${record.progress.total}` : ''}${record.progress.message ? ` ("${record.progress.message}")` : ''}.`
      if (slowest) body += ` Its slowest HTTP call, ${slowest.method} ${slowest.url}, took ${formatMs(slowest.duration_ms)}.`
      break
    }
    case 'network': {
      const call = a.failedCalls.find((c) => c.error)
      body = `A network request failed before any HTTP response arrived${call ? ` (${call.method} ${call.url}: ${call.error})` : ''}, and the task threw ${threw}.`
      break
    }
    case 'http_status':
    case 'authentication':
    case 'rate_limit': {
      const call = lastStatusCall(a.failedCalls)
      body = call ? `${call.method} ${call.url} answered HTTP ${call.status}, and the task threw ${threw}.` : `The task threw ${threw}.`
      break
    }
    case 'code_error': {
      if (error.code === 'TASK_INVALID') {
        body = `The task's code could not be loaded: ${error.message}.`
        break
      }
      body = `The task's code threw ${threw}.`
      const access = parseUndefinedAccess(error.message, error.location?.source)
      if (access) {
        body += ` \`${access.base}\` was ${access.value} when its property \`${access.property}\` was read.`
        const traced = traceInputPath(access.base, record.input)
        if (traced?.missing) body += ` The input has no \`${[...traced.path, traced.missing].join('.')}\`.`
      }
      const missing = parseMissingVariable(error.message)
      if (missing) body += ` \`${missing}\` is not defined anywhere the task can see.`
      break
    }
    case 'data_error':
      body = `The task could not use the data it was working on: ${threw}.`
      break
    case 'configuration':
      body = `The task is set up in a way that cannot work: ${threw}.`
      break
    case 'resource_exhausted':
    case 'worker_crashed':
    case 'cancelled':
    case 'interrupted':
      body = error.message
      break
    default:
      body = `The task threw ${threw}.`
  }
  const log = lastErrorLog(a.logs)
  const logNote = log && !body.includes(log.message) ? ` Its last error log line was: "${log.message.slice(0, 300)}".` : ''
  return `${head} ${body}${logNote}`
}

/** Input string values that appear in `url` (the likely source of a bad id or name). */
function inputValuesIn(url: string, input: unknown, path = 'input'): string[] {
  if (typeof input === 'string') {
    const appears = input.length >= 2 && (url.includes(input) || url.includes(encodeURIComponent(input)))
    return appears ? [`${path} (${JSON.stringify(input)})`] : []
  }
  if (input && typeof input === 'object') return Object.entries(input).flatMap(([k, v]) => inputValuesIn(url, v, Array.isArray(input) ? `${path}[${k}]` : `${path}.${k}`))
  return []
}

/** Advice for one HTTP error status; `target` names the request (`GET https://…`), `url` is searched for input values. */
function httpAdvice(target: string, url: string, status: number, input: unknown): string {
  const from = inputValuesIn(url, input)
  const fromInput = from.length > 0 ? ` (it contains ${from.slice(0, 2).join(' and ')} from the input)` : ''
  if (status === 404) return `${target} returned 404 Not Found: check the URL and any id or name in it${fromInput}.`
  if (status === 401 || status === 403) {
    const keys = input && typeof input === 'object' ? Object.keys(input).filter((k) => /key|token|secret|password|auth|credential/i.test(k)) : []
    return `${target} returned ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}: check the credentials the task sends${keys.length > 0 ? ` (input.${keys.join(', input.')})` : ''}; they are missing, wrong, expired or lack permission.`
  }
  if (status === 429) return `${target} returned 429 Too Many Requests: wait before running again, lower batch max_parallel, or cache results between runs.`
  if (status >= 500) return `${target} returned ${status}: the server failed, not the request; retry later, or retry inside the task with a backoff.`
  if (status === 400 || status === 422) return `${target} returned ${status}: the server rejected the request; check the query parameters and body the task sends${fromInput}.`
  return `${target} returned ${status}.`
}

function inputAdvice(a: Advice): string[] {
  const out: string[] = []
  const problems = a.inputValidation?.errors ?? schemaErrors(a.error).map((e) => ({ path: e.path, message: e.message }))
  for (const p of problems) {
    const extra = /^must not have additional property '(.+)'$/.exec(p.message)
    const expected = 'expected' in p && p.expected ? p.expected : undefined
    if (extra) out.push(`Remove \`${p.path === '(root)' ? '' : p.path}/${extra[1]}\` from the input: the schema allows no extra properties there.`)
    else if ('missing' in p && p.missing) out.push(`Add \`${p.path}\` to the input: the schema requires it${expected ? ` (${expected})` : ''}.`)
    else if ('actual' in p) out.push(`Set \`${p.path}\` to ${expected ? `a value of type ${expected}` : 'a valid value'}: it was ${preview(p.actual)} (${p.message}).`)
    else out.push(`Fix \`${p.path}\` in the input: ${p.message}.`)
  }
  if (a.inputValidation?.valid && a.inputValidation.schema_changed) out.push("The input is valid against the task's current schema, which changed since this run: run it again.")
  if (problems.length > 0) out.push(`See the input schema with ratchet_list_available_tasks (filter "${a.record.taskName}", include_schemas true).`)
  return out
}

/** Concrete next steps for the failure's category, built from the error, trace, logs and input. */
export function suggestFixes(a: Advice): string[] {
  const { error, record } = a
  const out: string[] = []
  const line = error.location ? `line ${error.location.line} of ${basename(error.location.file)}` : 'the task code'
  switch (a.category) {
    case 'input_validation':
      if (error.code !== 'INPUT_INVALID') out.push(`The task's own check rejected the input ("${error.message}"): fix the input, or declare the rule in the task's input schema so it is checked before the task runs.`)
      out.push(...inputAdvice(a))
      break
    case 'output_validation': {
      const output = details(error).output
      for (const e of schemaErrors(error)) out.push(`Output \`${e.path}\` ${e.message}; the task returned ${preview(output)}.`)
      out.push("Fix the returned value in the task's code, or update the output schema if the new shape is intended.")
      break
    }
    case 'timeout': {
      if (error.code !== 'TIMED_OUT') {
        out.push(`An operation inside the task timed out (${error.message}): retry, or give that request more time (fetch with signal: AbortSignal.timeout(ms)).`)
        break
      }
      const timeoutSec = Number(details(error).timeoutMs) / 1000
      const ran = (record.durationMs ?? 0) / 1000
      const cap = a.timeoutCapSeconds
      if (Number.isFinite(timeoutSec) && timeoutSec < cap) {
        out.push(`It ran ${ran.toFixed(1)} s against a timeout of ${timeoutSec} s: pass \`timeout\` (seconds) up to ${cap}, the cap set by execution.max_execution_time and mcp.security.max_execution_time; e.g. timeout: ${Math.min(cap, Math.max(timeoutSec * 2, Math.ceil(ran * 2)))}.`)
      } else {
        out.push(`Its timeout already equals the cap of ${cap} s: make the task faster, or raise execution.max_execution_time and mcp.security.max_execution_time in the configuration.`)
      }
      const slowest = viewHttpCalls(a.spans).sort((x, y) => y.duration_ms - x.duration_ms)[0]
      if (slowest) out.push(`The slowest HTTP call was ${slowest.method} ${slowest.url} (${formatMs(slowest.duration_ms)}): bound it with fetch(url, { signal: AbortSignal.timeout(ms) }) so a slow server fails fast.`)
      if (!record.progress) out.push('Report progress with context.progress(done, total) so a long run shows how far it got.')
      break
    }
    case 'resource_exhausted':
      if (error.code === 'BUSY') out.push('The execution queue was full: retry shortly, or raise workers.count / workers.max_queue.')
      else out.push(`Process the data in smaller pieces instead of holding it all in memory, or raise execution.max_memory_mb${details(error).maxMemoryMb ? ` (now ${details(error).maxMemoryMb} MB; it used ${details(error).rssMb} MB)` : ''}.`)
      break
    case 'worker_crashed':
      out.push('Run it again: a new worker has replaced the one that crashed. If it crashes again with the same input, look for deep recursion or huge allocations after the last logged line.')
      break
    case 'cancelled':
      out.push('It was cancelled on request; run it again if that was not intended.')
      break
    case 'interrupted':
      out.push('Run it again: the server stopped (restart, crash or shutdown) while it was queued or running.')
      break
    case 'network':
      for (const call of a.failedCalls.filter((c) => c.error)) {
        let host = call.url
        try { host = new URL(call.url).host } catch { /* keep the raw URL */ }
        out.push(`${call.method} ${call.url} failed (${call.error}): check that ${host} is reachable from the server (DNS, firewall, proxy) and allowed by execution.fetch.allowed_hosts / denied_hosts.`)
      }
      out.push('Network failures are often transient: retry, or retry inside the task with a backoff.')
      break
    case 'http_status':
    case 'authentication':
    case 'rate_limit': {
      const calls = a.failedCalls.filter((c) => c.status !== null)
      for (const call of calls.slice(-3)) out.push(httpAdvice(`${call.method} ${call.url}`, call.url, call.status!, record.input))
      if (calls.length === 0) {
        const status = Number(details(error).status)
        out.push(Number.isFinite(status) ? httpAdvice(`The request behind "${error.message}"`, error.message, status, record.input) : `The task threw ${error.type}: ${error.message}; check the service it calls and its credentials.`)
      }
      break
    }
    case 'code_error': {
      if (error.code === 'TASK_INVALID') {
        out.push(`Fix the code so it loads (${error.message}), then check it with ratchet_validate_task.`)
        break
      }
      const access = parseUndefinedAccess(error.message, error.location?.source)
      const missing = parseMissingVariable(error.message)
      const notFn = parseNotAFunction(error.message)
      if (access) {
        out.push(`Guard the read at ${line}: use \`${access.base}?.${access.property}\`, or check \`if (${access.base} == null)\` before it and fail with a clear message.`)
        const traced = traceInputPath(access.base, record.input)
        if (traced?.missing) {
          const missingPath = ['input', ...traced.path, traced.missing].join('.')
          out.push(`\`${missingPath}\` is absent from this execution's input (${preview(record.input)}): pass it, or list "${traced.missing}" under "required" in the input schema so such input is rejected before the code runs.`)
        }
      } else if (missing) {
        const similar = a.task ? similarNames(missing, identifiersIn(a.task.code).filter((w) => w !== missing), 2) : []
        out.push(`\`${missing}\` is not defined at ${line}: declare it or fix the name${similar.length > 0 ? ` (did you mean ${similar.map((s) => `\`${s}\``).join(' or ')}?)` : ''}. Tasks have no require(); use the globals fetch, console, URL, crypto and the context argument.`)
      } else if (notFn) {
        out.push(`\`${notFn.callee}\` is ${notFn.actual ?? 'not a function'} at ${line}: check the name and that the value is a function before calling it.`)
      } else {
        out.push(`Fix ${line}${error.location?.source ? ` (\`${error.location.source}\`)` : ''}: it threw ${error.type}: ${error.message}.`)
      }
      break
    }
    case 'data_error': {
      const call = a.failedCalls.at(-1) ?? viewHttpCalls(a.spans).at(-1)
      if (/JSON/i.test(error.message)) out.push(`The text being parsed is not valid JSON (${error.message}): log the raw text (await response.text()) before parsing${call ? ` and check what ${call.method} ${call.url} actually returns (status ${call.status ?? 'none'}, Content-Type)` : ''}.`)
      else out.push(`${error.message}: check the shape of the data at ${line}.`)
      break
    }
    case 'configuration':
      out.push(`${error.message}${error.location ? ` (${line})` : ''}.`)
      break
    default:
      out.push(`The task threw ${error.type}: ${error.message}${error.location ? ` at ${line}` : ''}. Read the stack in context.stack and the recent logs.`)
  }
  if (['unknown', 'code_error', 'data_error'].includes(a.category) && a.logs.length === 0) out.push('Add context.log.info(...) lines around the failing code to see the values involved (ratchet_get_execution_logs shows them).')
  return out
}
