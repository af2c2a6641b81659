/** Baseline child: echoes every IPC message back. Exits when the parent goes away. */
process.on('message', (message) => process.send!(message))
process.on('disconnect', () => process.exit(0))
process.send!({ ready: true })
