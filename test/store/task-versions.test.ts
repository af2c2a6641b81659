import { afterEach, beforeEach, expect, test } from 'bun:test'
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite-store.ts'
import { makeTaskPackage, makeTempDir } from './helpers.ts'

let temp: ReturnType<typeof makeTempDir>
let store: SqliteStore
beforeEach(() => {
  temp = makeTempDir()
  store = openSqliteStore({ path: temp.dbPath })
})
afterEach(() => {
  store.close()
  temp.cleanup()
})

test('recordTaskVersion is new for a first checksum, not for a repeat, and new again when it changes', () => {
  const v1 = makeTaskPackage()
  expect(store.recordTaskVersion(v1)).toEqual({ isNew: true })
  expect(store.recordTaskVersion(v1)).toEqual({ isNew: false })
  expect(store.recordTaskVersion({ ...v1, description: 'edited in place' })).toEqual({ isNew: false })
  expect(store.recordTaskVersion({ ...v1, checksum: 'sha-2' })).toEqual({ isNew: true })
  // The same checksum under another name is another task.
  expect(store.recordTaskVersion({ ...v1, name: 'other-task' })).toEqual({ isNew: true })
})

test('listTaskVersions returns one task’s versions oldest first with every field, surviving a reopen', () => {
  const before = Date.now()
  store.recordTaskVersion(makeTaskPackage())
  store.recordTaskVersion(makeTaskPackage({ version: '1.1.0', checksum: 'sha-2', uuid: undefined, tags: [], description: '' }))
  store.recordTaskVersion(makeTaskPackage({ name: 'other-task' }))
  store.close()
  store = openSqliteStore({ path: temp.dbPath })

  const versions = store.listTaskVersions('fetch-json')
  expect(versions.map(({ firstSeenAt, ...rest }) => rest)).toEqual([
    {
      name: 'fetch-json',
      version: '1.0.0',
      checksum: 'sha-1',
      uuid: '5f0c6d2e-0000-4000-8000-000000000001',
      description: 'Fetches JSON',
      tags: ['http', 'json'],
      sourcePath: '/tasks/fetch-json',
    },
    { name: 'fetch-json', version: '1.1.0', checksum: 'sha-2', uuid: null, description: '', tags: [], sourcePath: '/tasks/fetch-json' },
  ])
  for (const version of versions) expect(Date.parse(version.firstSeenAt)).toBeGreaterThanOrEqual(before - 1)
  expect(store.listTaskVersions('nobody')).toEqual([])
})
