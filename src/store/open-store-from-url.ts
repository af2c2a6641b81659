import { isAbsolute, resolve } from 'node:path'
import { AppError } from '../errors.ts'
import { openSqliteStore, type SqliteStore } from './sqlite-store.ts'

const EXAMPLES = 'sqlite:ratchet.db (relative to the base directory), sqlite:/var/lib/ratchet.db, sqlite:///var/lib/ratchet.db or sqlite::memory:'

/**
 * Turns a store URL into a database path: `sqlite:ratchet.db` (relative to `baseDir`), `sqlite:/abs.db`,
 * `sqlite:///abs.db`, `sqlite://rel.db` or `sqlite::memory:`. Anything else is a configuration error.
 */
export function sqlitePathFromUrl(url: string, baseDir: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (scheme !== 'sqlite') {
    throw new AppError('CONFIG_INVALID', `Unsupported store URL ${JSON.stringify(url)}: only SQLite is supported in this build`, {
      data: { url, scheme: scheme ?? null },
      hint: `Use ${EXAMPLES}.`,
    })
  }
  let path = url.slice('sqlite:'.length)
  if (path === ':memory:') return ':memory:'
  if (path.startsWith('//')) path = path.slice(2)
  if (path === '' || path.includes('\0')) {
    throw new AppError('CONFIG_INVALID', `The store URL ${JSON.stringify(url)} names no database file`, {
      data: { url },
      hint: `Use ${EXAMPLES}.`,
    })
  }
  return isAbsolute(path) ? path : resolve(baseDir, path)
}

/**
 * Opens the store a URL names. Only `sqlite:` URLs exist in this build, so it is the SQLite store, whose
 * database handle the job, schedule and task-state stores share.
 */
export function openStoreFromUrl(url: string, baseDir: string, options: { synchronous?: 'normal' | 'full' } = {}): SqliteStore {
  return openSqliteStore({ path: sqlitePathFromUrl(url, baseDir), synchronous: options.synchronous === 'normal' ? 'NORMAL' : 'FULL' })
}
