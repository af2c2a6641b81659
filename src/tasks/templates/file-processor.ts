import { withConfig, type TaskTemplate } from './types.ts'

const BODY = `
/** Splits CSV text into rows of fields (RFC 4180: quoted fields, "" escapes, CRLF or LF). */
function parseCsv(text, delimiter) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  let quoteLine = 0
  let line = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++ }
      else if (c === '"') quoted = false
      else { if (c === '\\n') line++; field += c }
      continue
    }
    if (c === '"' && field === '') { quoted = true; quoteLine = line }
    else if (c === delimiter) { row.push(field); field = '' }
    else if (c === '\\n' || c === '\\r') {
      if (c === '\\r' && text[i + 1] === '\\n') i++
      row.push(field); rows.push(row); row = []; field = ''; line++
    } else field += c
  }
  if (quoted) throw new DataError('unterminated quoted field starting on line ' + quoteLine)
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row) }
  return rows
}

function cell(value) {
  const v = CONFIG.trim_values ? value.trim() : value
  if (CONFIG.convert_numbers && /^-?\\d+(\\.\\d+)?$/.test(v.trim())) return Number(v)
  return v
}

/** Parses input.text as delimited text and returns its columns and rows. */
function main(input) {
  let rows = parseCsv(input.text, CONFIG.delimiter)
  if (CONFIG.skip_empty_lines) rows = rows.filter(function (r) { return !(r.length === 1 && r[0].trim() === '') })
  if (rows.length === 0) return { columns: [], rows: [], row_count: 0 }
  const width = Math.max.apply(null, rows.map(function (r) { return r.length }))
  let columns = []
  if (CONFIG.has_header) {
    columns = rows.shift().map(function (name, i) { return name.trim() || 'column_' + (i + 1) })
    if (new Set(columns).size !== columns.length) throw new DataError('the header has duplicate column names: ' + columns.join(', '))
  } else {
    for (let i = 0; i < width; i++) columns.push('column_' + (i + 1))
  }
  const out = rows.map(function (r, index) {
    if (CONFIG.has_header && r.length > columns.length) throw new DataError('row ' + (index + 2) + ' has ' + r.length + ' fields but the header has ' + columns.length)
    if (!CONFIG.has_header) return r.map(cell)
    const record = {}
    columns.forEach(function (name, i) { record[name] = i < r.length ? cell(r[i]) : null })
    return record
  })
  return { columns: columns, rows: out, row_count: out.length }
}
`

export const fileProcessor: TaskTemplate = {
  name: 'file_processor',
  description: 'Parses CSV (or any delimited) text given as input.text — quoted fields, "" escapes, CRLF — into {columns, rows, row_count}; rows are objects keyed by the header, or arrays without one. Numbers can be converted.',
  category: 'files',
  tags: ['csv', 'files', 'parsing'],
  parameters: [
    { name: 'delimiter', type: 'string', required: false, default: ',', description: 'Field separator: one character ("," ";" "\\t" "|")', check: (v) => (String(v).length === 1 && v !== '"' && v !== '\n' && v !== '\r' ? null : 'must be one character other than a quote or newline') },
    { name: 'has_header', type: 'boolean', required: false, default: true, description: 'The first line names the columns' },
    { name: 'trim_values', type: 'boolean', required: false, default: true, description: 'Trim spaces around values' },
    { name: 'convert_numbers', type: 'boolean', required: false, default: true, description: 'Turn numeric values into numbers' },
    { name: 'skip_empty_lines', type: 'boolean', required: false, default: true, description: 'Ignore blank lines' },
  ],
  generate(params) {
    const d = String(params.delimiter)
    const config = { delimiter: d, has_header: params.has_header, trim_values: params.trim_values, convert_numbers: params.convert_numbers, skip_empty_lines: params.skip_empty_lines }
    const lines = [['name', 'age', 'city'].join(d), ['Ada', '36', `"London${d} UK"`].join(d), ['"Grace ""Amazing"" Hopper"', '85', ' New York '].join(d)]
    const text = lines.join('\r\n') + '\n\n'
    const value = (raw: string) => {
      const v = params.trim_values ? raw.trim() : raw
      return params.convert_numbers && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v
    }
    const cells = [['name', 'age', 'city'], ['Ada', '36', `London${d} UK`], ['Grace "Amazing" Hopper', '85', ' New York ']]
    const rows = params.has_header
      ? cells.slice(1).map((r) => ({ name: value(r[0]), age: value(r[1]), city: value(r[2]) }))
      : cells.map((r) => r.map(value))
    const columns = params.has_header ? ['name', 'age', 'city'] : ['column_1', 'column_2', 'column_3']
    // A trailing blank line is one empty row when blank lines are kept.
    const extra = params.skip_empty_lines ? [] : [params.has_header ? { name: value(''), age: null, city: null } : [value('')]]
    return {
      description: `Parses ${d === ',' ? 'CSV' : 'delimited'} text into rows`,
      code: withConfig(config, BODY),
      inputSchema: { type: 'object', properties: { text: { type: 'string', description: 'The file content' } }, required: ['text'] },
      outputSchema: {
        type: 'object',
        properties: { columns: { type: 'array', items: { type: 'string' } }, rows: { type: 'array', items: { type: ['object', 'array'] } }, row_count: { type: 'integer' } },
        required: ['columns', 'rows', 'row_count'],
      },
      tests: [
        { name: 'parses quoted fields and escapes', input: { text }, expected_output: { columns, rows: [...rows, ...extra], row_count: rows.length + extra.length } },
        { name: 'fails on an unterminated quote', input: { text: `a${d}b\n"open${d}1\n` }, should_fail: true },
      ],
    }
  },
}
