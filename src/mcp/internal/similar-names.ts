/** Edit distance between two short strings (names), with a cap to keep it cheap. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]
}

const core = (name: string) => name.toLowerCase().replace(/^(ratchet|task)[._-]/, '').replace(/[._-]/g, '')

/**
 * The candidates that look like `wanted` (a typo, a missing prefix, a word of it), closest first, at
 * most `limit` of them.
 */
export function similarNames(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const w = core(wanted)
  if (w === '') return []
  return candidates
    .map((name) => {
      const c = core(name)
      const d = c.includes(w) || w.includes(c) ? 0 : distance(w, c)
      return { name, d }
    })
    .filter(({ d }) => d <= Math.max(2, Math.floor(w.length / 3)))
    .sort((x, y) => x.d - y.d || x.name.localeCompare(y.name))
    .slice(0, limit)
    .map(({ name }) => name)
}
