/**
 * The body every refusal of the MCP HTTP endpoints carries: a JSON-RPC error with a null id, the same
 * shape the SDK transport uses for its own 400/404/406 answers, so clients parse one format.
 */
export function jsonRpcErrorResponse(status: number, code: number, message: string, headers: Record<string, string> = {}, data?: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message, ...(data ? { data } : {}) }, id: null }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}
