/** Baseline child: echoes every IPC message back. Exits when the parent goes away. */
process.on('message', (message) => process.send!(message))
process.on('disconnect', () => process.exit(0))
const parent = process.ppid
setInterval(() => { if (process.ppid !== parent) process.exit(0) }, 1000).unref()
process.send!({ ready: true })
