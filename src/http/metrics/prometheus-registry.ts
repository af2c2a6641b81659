/**
 * A small Prometheus registry: counters, gauges and histograms with labels, rendered in the text
 * exposition format 0.0.4 (HELP and TYPE lines, escaped label values, cumulative `le` buckets).
 * Series are rendered sorted by their labels so the output is deterministic.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram'

interface Series {
  labels: readonly string[]
  value: number
  /** Histogram only: per-bucket (non-cumulative) counts, the sum and the count. */
  buckets?: number[]
  sum?: number
}

export interface Family {
  readonly name: string
  readonly help: string
  readonly type: MetricType
  readonly labelNames: readonly string[]
  readonly bucketBounds?: readonly number[]
  readonly series: Map<string, Series>
}

const escapeLabel = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')
const escapeHelp = (value: string) => value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')

/** Numbers as Prometheus reads them: `+Inf`, `-Inf`, `NaN`, else the shortest exact decimal. */
export function formatValue(value: number): string {
  if (value === Number.POSITIVE_INFINITY) return '+Inf'
  if (value === Number.NEGATIVE_INFINITY) return '-Inf'
  if (Number.isNaN(value)) return 'NaN'
  return String(value)
}

function labelText(names: readonly string[], values: readonly string[], extra?: [string, string]): string {
  const pairs = names.map((name, i) => `${name}="${escapeLabel(values[i] ?? '')}"`)
  if (extra) pairs.push(`${extra[0]}="${escapeLabel(extra[1])}"`)
  return pairs.length > 0 ? `{${pairs.join(',')}}` : ''
}

const keyOf = (values: readonly string[]) => values.join('\u0000')

export class MetricRegistry {
  private readonly families: Family[] = []

  private add(name: string, help: string, type: MetricType, labelNames: readonly string[], bucketBounds?: readonly number[]): Family {
    const family: Family = { name, help, type, labelNames, series: new Map(), ...(bucketBounds ? { bucketBounds } : {}) }
    this.families.push(family)
    return family
  }

  /** A counter: `inc(labelValues, by)` adds; values never go down. */
  counter(name: string, help: string, labelNames: readonly string[] = []) {
    const family = this.add(name, help, 'counter', labelNames)
    return {
      inc(labelValues: readonly string[] = [], by = 1) {
        const key = keyOf(labelValues)
        const series = family.series.get(key)
        if (series) series.value += by
        else family.series.set(key, { labels: [...labelValues], value: by })
      },
      /** For counters kept elsewhere (pool restarts): sets the current total. */
      set(labelValues: readonly string[], value: number) {
        family.series.set(keyOf(labelValues), { labels: [...labelValues], value })
      },
    }
  }

  /** A gauge: `set(labelValues, value)`; `reset()` drops every series (before a fresh collect). */
  gauge(name: string, help: string, labelNames: readonly string[] = []) {
    const family = this.add(name, help, 'gauge', labelNames)
    return {
      set(labelValues: readonly string[], value: number) {
        family.series.set(keyOf(labelValues), { labels: [...labelValues], value })
      },
      reset() {
        family.series.clear()
      },
    }
  }

  /** A histogram with fixed upper bounds (seconds); `+Inf` is added. */
  histogram(name: string, help: string, labelNames: readonly string[], bounds: readonly number[]) {
    const family = this.add(name, help, 'histogram', labelNames, bounds)
    return {
      observe(labelValues: readonly string[], value: number) {
        const key = keyOf(labelValues)
        let series = family.series.get(key)
        if (!series) {
          series = { labels: [...labelValues], value: 0, buckets: new Array(bounds.length).fill(0), sum: 0 }
          family.series.set(key, series)
        }
        const index = bounds.findIndex((bound) => value <= bound)
        if (index !== -1) series.buckets![index]!++
        series.value++
        series.sum! += value
      },
    }
  }

  /** The whole registry in text format 0.0.4, ending with a newline. */
  render(): string {
    const lines: string[] = []
    for (const family of this.families) {
      lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`)
      const series = [...family.series.values()].sort((a, b) => keyOf(a.labels).localeCompare(keyOf(b.labels)))
      for (const s of series) {
        if (family.type !== 'histogram') {
          lines.push(`${family.name}${labelText(family.labelNames, s.labels)} ${formatValue(s.value)}`)
          continue
        }
        let cumulative = 0
        family.bucketBounds!.forEach((bound, i) => {
          cumulative += s.buckets![i]!
          lines.push(`${family.name}_bucket${labelText(family.labelNames, s.labels, ['le', formatValue(bound)])} ${cumulative}`)
        })
        lines.push(`${family.name}_bucket${labelText(family.labelNames, s.labels, ['le', '+Inf'])} ${s.value}`)
        lines.push(`${family.name}_sum${labelText(family.labelNames, s.labels)} ${formatValue(s.sum!)}`)
        lines.push(`${family.name}_count${labelText(family.labelNames, s.labels)} ${s.value}`)
      }
    }
    return `${lines.join('\n')}\n`
  }
}
