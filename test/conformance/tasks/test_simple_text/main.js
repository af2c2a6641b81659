/** test_simple_text: Returns one text block (conformance: tools-call-simple-text). */
function main() {
  return { content: [{ type: 'text', text: 'This is a simple text response for testing.' }] }
}
