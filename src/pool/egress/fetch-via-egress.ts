/**
 * The worker's side of the egress proxy: sends one task fetch to the server over the proxy's Unix socket
 * and returns the proxy's reply. A refusal or failure comes back as an error named like the one the
 * task will see (NetworkError, TimeoutError), with the proxy's reason as its message.
 */
import { EGRESS_URL, type EgressReply } from './protocol.ts'

export async function fetchViaEgress(
  socketPath: string,
  request: { executionId: string; url: string; method: string; headersJson: string; body: string | null },
  signal: AbortSignal,
): Promise<Extract<EgressReply, { status: number }>> {
  // headersJson is already the JSON of [name, value] pairs: splice it in rather than parse and re-encode.
  const payload = `{"executionId":${JSON.stringify(request.executionId)},"url":${JSON.stringify(request.url)},"method":${JSON.stringify(request.method)},"headers":${request.headersJson},"body":${JSON.stringify(request.body)}}`
  const response = await fetch(EGRESS_URL, { unix: socketPath, method: 'POST', headers: { 'content-type': 'application/json' }, body: payload, signal })
  const reply = (await response.json()) as EgressReply
  if ('error' in reply) throw Object.assign(new Error(reply.error.message), { name: reply.error.name })
  return reply
}
