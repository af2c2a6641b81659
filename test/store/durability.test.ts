import { Database } from 'bun:sqlite'
import { afterEach, beforeEach, expect, test } from 'bun:test'
import { join } from 'node:path'
import { openSqliteStore } from '../../src/store/sqlite-store.ts'
import { makeTempDir } from './helpers.ts'

const BUN = join(import.meta.dir, '../../node_modules/.bin/bun')
const FIXTURE = join(import.meta.dir, 'fixtures/write-until-killed.ts')

let temp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  temp = makeTempDir()
})
afterEach(() => temp.cleanup())

/** Runs the writer until it has acknowledged `atLeast` rows, lets it write on a little, then kill -9s it. */
async function writeThenKill(atLeast: number, extraMs: number): Promise<number> {
  const child = Bun.spawn([BUN, FIXTURE, temp.dbPath], { stdout: 'pipe', stderr: 'pipe' })
  try {
    let acknowledged = 0
    let text = ''
    const decoder = new TextDecoder()
    const reader = child.stdout.getReader()
    while (acknowledged < atLeast) {
      const { value, done } = await reader.read()
      if (done) throw new Error(`writer exited early: ${await new Response(child.stderr).text()}`)
      text += decoder.decode(value, { stream: true })
      for (const match of text.matchAll(/committed (\d+)\n/g)) acknowledged = Number(match[1])
    }
    await Bun.sleep(extraMs)
    child.kill(9)
    // Whatever it acknowledged before dying counts too.
    for (;;) {
      const { value, done } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
    for (const match of text.matchAll(/committed (\d+)\n/g)) acknowledged = Number(match[1])
    expect(await child.exited).not.toBe(0)
    expect(child.signalCode).toBe('SIGKILL')
    return acknowledged
  } finally {
    child.kill(9)
  }
}

test('every execution acknowledged by commit() survives kill -9, and the file passes integrity_check', async () => {
  for (const [atLeast, extraMs] of [
    [500, 0],
    [1500, 37],
    [1000, 113],
  ] as const) {
    const acknowledged = await writeThenKill(atLeast, extraMs)

    const db = new Database(temp.dbPath)
    expect(db.query('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }])
    const missing = db
      .query<{ n: number }, [number]>(
        `WITH RECURSIVE ids(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM ids WHERE i + 1 < ?)
         SELECT count(*) AS n FROM ids WHERE NOT EXISTS
           (SELECT 1 FROM executions WHERE id = 'exec-' || i AND status = 'completed' AND output = json_object('n', i))`,
      )
      .get(acknowledged)!.n
    expect(missing).toBe(0)
    const logs = db.query<{ n: number }, []>(`SELECT count(*) AS n FROM execution_logs`).get()!.n
    expect(logs).toBeGreaterThanOrEqual(acknowledged * 2)
    db.close()

    // The next writer reopens the crashed file, recovers it and finds nothing left running.
    const store = openSqliteStore({ path: temp.dbPath })
    expect(await store.markInterrupted('node-a')).toBeGreaterThanOrEqual(0)
    expect((await store.listExecutions({ status: 'running' })).total).toBe(0)
    store.close()
    temp.cleanup()
    temp = makeTempDir()
  }
}, 30_000)
