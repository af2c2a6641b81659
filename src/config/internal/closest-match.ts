function normalise(word: string): string {
  return word.toLowerCase().replace(/[-_\s]/g, '')
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
    }
    previous = current
  }
  return previous[b.length]
}

/**
 * The candidate a typo most likely meant: same word in another case or separator style
 * (`maxQueue` → `max_queue`), else the nearest by edit distance if it is close enough to be a typo.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const wanted = normalise(input)
  const sameWord = candidates.find((candidate) => normalise(candidate) === wanted)
  if (sameWord) return sameWord
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalise(candidate))
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const tolerance = Math.max(2, Math.floor(wanted.length / 3))
  return bestDistance <= tolerance ? best : undefined
}
