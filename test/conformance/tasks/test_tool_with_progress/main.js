/** test_tool_with_progress: Reports progress 0, 50 and 100 of 100, ~50 ms apart (conformance: tools-call-with-progress). */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function main(input, context) {
  for (const progress of [0, 50, 100]) {
    context.progress({ progress, total: 100, message: `${progress}%` })
    if (progress < 100) await sleep(50)
  }
  return { content: [{ type: 'text', text: 'Progress test completed' }] }
}
