/** test_error_handling: Always fails: the tool result is isError with the message (conformance: tools-call-error). */
function main() {
  throw new Error('This tool intentionally returns an error for testing')
}
