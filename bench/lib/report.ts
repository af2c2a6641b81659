/** Plain-text tables for the terminal. */

export function table(title: string, headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))]
  const widths = headers.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)))
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
  const rule = widths.map((w) => '─'.repeat(w)).join('  ')
  return [`\n${title}`, line(headers), rule, ...cells.slice(1).map(line)].join('\n')
}

export const ms = (value: number) => (Number.isFinite(value) ? (value < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`) : 'n/a')
export const usf = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} µs` : 'n/a')
export const rate = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')}/s` : 'n/a')
export const times = (value: number) => (Number.isFinite(value) ? `${value >= 10 ? value.toFixed(0) : value >= 0.1 ? value.toFixed(2) : value.toPrecision(2)}x` : 'n/a')
