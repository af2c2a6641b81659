#!/usr/bin/env bun
/**
 * The `ratchet` command. Static imports stay tiny: the compiled binary also starts every worker
 * (`ratchet __worker`), which must not pay for loading the server.
 */
export {}
if (process.argv[2] === '__worker') {
  await import('../pool/worker-entry.ts')
} else {
  const { runCli } = await import('./run-cli.ts')
  process.exitCode = await runCli(process.argv.slice(2))
}
