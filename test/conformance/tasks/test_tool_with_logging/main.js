/** test_tool_with_logging: Writes three log lines ~50 ms apart; each reaches the client as notifications/message (conformance: tools-call-with-logging). */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function main(input, context) {
  context.log.info('Tool execution started')
  await sleep(50)
  context.log.info('Tool processing data')
  await sleep(50)
  context.log.info('Tool execution completed')
  return { content: [{ type: 'text', text: 'Tool with logging executed successfully' }] }
}
