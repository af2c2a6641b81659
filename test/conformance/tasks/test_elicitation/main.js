/** test_elicitation: Asks the user for a username and email (elicitation/create) and returns the answer (conformance: tools-call-elicitation). Needs context.elicit, see test/conformance/README.md. */
async function main(input, context) {
  const answer = await context.elicit({
    message: input.message,
    requestedSchema: {
      type: 'object',
      properties: {
        username: { type: 'string', description: "User's response" },
        email: { type: 'string', description: "User's email address" },
      },
      required: ['username', 'email'],
    },
  })
  return { content: [{ type: 'text', text: `User response: ${JSON.stringify(answer)}` }] }
}
