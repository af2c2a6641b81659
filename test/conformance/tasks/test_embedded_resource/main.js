/** test_embedded_resource: Returns an embedded text resource (conformance: tools-call-embedded-resource). */
function main() {
  return {
    content: [
      { type: 'resource', resource: { uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' } },
    ],
  }
}
