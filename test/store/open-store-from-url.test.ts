import { expect, test } from 'bun:test'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { isAppError } from '../../src/errors.ts'
import { openStoreFromUrl, sqlitePathFromUrl } from '../../src/store/open-store-from-url.ts'
import { catchError, makeExecution, makeTempDir } from './helpers.ts'

test.each([
  ['sqlite:ratchet.db', '/srv/ratchet/ratchet.db'],
  ['sqlite:data/ratchet.db', '/srv/ratchet/data/ratchet.db'],
  ['sqlite:/var/lib/ratchet.db', '/var/lib/ratchet.db'],
  ['sqlite:///var/lib/ratchet.db', '/var/lib/ratchet.db'],
  ['sqlite://rel.db', '/srv/ratchet/rel.db'],
  ['sqlite::memory:', ':memory:'],
])('maps %s to %s', (url, path) => {
  expect(sqlitePathFromUrl(url, '/srv/ratchet')).toBe(path)
})

test.each(['postgres://user@localhost/ratchet', 'mysql://localhost/db', 'ratchet.db', '', 'sqlite:', 'sqlite://'])(
  'rejects %p with CONFIG_INVALID and a hint',
  (url) => {
    const error = catchError(() => sqlitePathFromUrl(url, '/srv/ratchet'))
    expect(isAppError(error) && error.code).toBe('CONFIG_INVALID')
    expect(isAppError(error) && error.hint).toContain('sqlite:ratchet.db')
  },
)

test('says that only SQLite is supported in this build', () => {
  expect(() => openStoreFromUrl('postgres://localhost/ratchet', '/tmp')).toThrow(/only SQLite is supported in this build/)
})

test('opens a working store at a path relative to the base directory', async () => {
  const temp = makeTempDir()
  try {
    const store = openStoreFromUrl('sqlite:state/ratchet.db', temp.dir)
    store.createExecution(makeExecution())
    await store.commit()
    store.close()
    expect(existsSync(join(temp.dir, 'state', 'ratchet.db'))).toBe(true)
  } finally {
    temp.cleanup()
  }
})

test('opens an in-memory store from sqlite::memory:', async () => {
  const store = openStoreFromUrl('sqlite::memory:', '/nonexistent')
  store.createExecution(makeExecution())
  expect((await store.getExecution('exec-1'))?.status).toBe('queued')
  store.close()
})
