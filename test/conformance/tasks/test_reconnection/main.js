/** test_reconnection: Answers after a short pause; over Streamable HTTP a client that loses the stream resumes with Last-Event-ID (conformance: server-sse-polling). */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
  await sleep(100)
  return { content: [{ type: 'text', text: 'Reconnection test completed' }] }
}
