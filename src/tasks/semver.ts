/**
 * Semantic versions for task packages (semver 2.0.0 precedence). Task folders written by hand may
 * carry "1.0" or "2": those are read as 1.0.0 and 2.0.0 so they can still be compared and bumped.
 */
export interface Semver {
  major: number
  minor: number
  patch: number
  prerelease: Array<string | number>
}

const SEMVER = /^v?(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?(?:\.(0|[1-9]\d*))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/

/** Parses `1.2.3`, `1.2.3-beta.1+build`, and the short forms `1.2` and `1`; null otherwise. */
export function parseSemver(text: string): Semver | null {
  const match = SEMVER.exec(text.trim())
  if (!match) return null
  const prerelease = match[4] === undefined ? [] : match[4].split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
  return { major: Number(match[1]), minor: Number(match[2] ?? 0), patch: Number(match[3] ?? 0), prerelease }
}

/** True for a full `MAJOR.MINOR.PATCH[-pre][+build]` version. */
export function isStrictSemver(text: string): boolean {
  return /^\d+\.\d+\.\d+/.test(text.trim()) && !text.trim().startsWith('v') && parseSemver(text) !== null
}

/** Negative, zero or positive as `a` sorts before, equal to or after `b` (build metadata ignored). */
export function compareSemver(a: Semver, b: Semver): number {
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (a[key] !== b[key]) return a[key] - b[key]
  }
  // A release sorts after its prereleases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i]
    const y = b.prerelease[i]
    if (x === undefined) return -1
    if (y === undefined) return 1
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    if (typeof x === 'number') return -1
    if (typeof y === 'number') return 1
    return x < y ? -1 : 1
  }
  return 0
}

/** The next patch release: 1.2.3 → 1.2.4, 1.2.3-beta → 1.2.3, "1.0" → 1.0.1; null when not a version. */
export function bumpPatch(version: string): string | null {
  const parsed = parseSemver(version)
  if (!parsed) return null
  const patch = parsed.prerelease.length > 0 ? parsed.patch : parsed.patch + 1
  return `${parsed.major}.${parsed.minor}.${patch}`
}
