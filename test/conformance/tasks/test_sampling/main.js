/** test_sampling: Asks the client's model (sampling/createMessage) and returns its answer (conformance: tools-call-sampling). Needs context.sample, see test/conformance/README.md. */
async function main(input, context) {
  const answer = await context.sample({ messages: [{ role: 'user', text: input.prompt }], maxTokens: 100 })
  return { content: [{ type: 'text', text: `LLM response: ${answer.text}` }] }
}
