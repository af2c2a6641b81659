import { isAbsolute, resolve } from 'node:path'
import { AppError } from '../errors.ts'

/**
 * The SQLite file a `database.url` names: `sqlite::memory:` → `:memory:`, `sqlite:///abs.db` and
 * `sqlite:/abs.db` → absolute, `sqlite:rel.db` and `sqlite://rel.db` → resolved against `baseDir`.
 * A `?query` (sqlx options such as `?mode=rwc`) is ignored. Any other scheme is CONFIG_INVALID:
 * this build only speaks SQLite.
 */
export function resolveDatabasePath(url: string, baseDir: string, key = 'database.url'): string {
  const match = /^sqlite:(.*)$/i.exec(url.trim())
  if (!match) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]
    throw new AppError(
      'CONFIG_INVALID',
      `${key}: ${scheme ? `"${scheme}" databases are not supported` : `"${url}" is not a database URL`}; only SQLite is supported in this build`,
      {
        data: { key, url: scheme ? `${scheme}:…` : url },
        hint: 'Use sqlite:ratchet.db (relative to the config file), sqlite:/absolute/path.db or sqlite::memory:.',
      },
    )
  }
  const location = match[1].replace(/\?.*$/, '')
  const path = location.startsWith('//') ? location.slice(2) : location
  if (path === ':memory:') return ':memory:'
  if (!path) {
    throw new AppError('CONFIG_INVALID', `${key}: "${url}" names no database file`, {
      data: { key, url },
      hint: 'Use sqlite:ratchet.db, sqlite:/absolute/path.db or sqlite::memory:.',
    })
  }
  return isAbsolute(path) ? resolve(path) : resolve(baseDir, path)
}

/**
 * The folder a `registry.sources[].uri` names: `file://./tasks` → resolved against `baseDir`,
 * `file:///abs/tasks` → `/abs/tasks`. Percent-escapes are decoded. Other schemes (git, https, s3)
 * are CONFIG_INVALID.
 */
export function resolveSourcePath(uri: string, baseDir: string, key: string): string {
  const match = /^file:\/\/(.*)$/i.exec(uri.trim())
  if (!match || !match[1]) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1]
    throw new AppError(
      'CONFIG_INVALID',
      `${key}: ${scheme ? `"${scheme}" task sources are not supported` : `"${uri}" is not a URI`}; only file:// sources are supported in this build`,
      {
        data: { key, uri },
        hint: 'Use file://./relative/folder (relative to the config file) or file:///absolute/folder.',
      },
    )
  }
  let path: string
  try {
    path = decodeURIComponent(match[1])
  } catch (error) {
    throw new AppError('CONFIG_INVALID', `${key}: "${uri}" has a malformed %-escape`, {
      data: { key, uri },
      hint: 'Write %20 for a space, or use the plain character.',
      cause: error,
    })
  }
  // file://localhost/abs is the long form of file:///abs.
  if (path.startsWith('localhost/')) path = path.slice('localhost'.length)
  return isAbsolute(path) ? resolve(path) : resolve(baseDir, path)
}
