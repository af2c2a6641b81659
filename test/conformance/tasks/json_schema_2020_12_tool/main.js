/** json_schema_2020_12_tool: Echoes a name and address; its input schema uses JSON Schema 2020-12 ($schema, $defs, $ref) (conformance: json-schema-2020-12). */
function main(input) {
  return { content: [{ type: 'text', text: `Received: ${JSON.stringify(input)}` }] }
}
