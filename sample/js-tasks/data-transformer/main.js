/**
 * data-transformer: applies `operations` to `records`, in order.
 *
 *   { op: 'filter', field, operator: eq|ne|gt|gte|lt|lte|in|contains, value }
 *   { op: 'map', field, fn, value?, value_field?, as? }
 *        fn: upper|lower|trim|to_number|to_string|round|abs|add|subtract|multiply|divide|concat|default
 *        The argument of add/subtract/multiply/divide/concat/default is `value` (a constant) or
 *        `value_field` (another field of the same record); round takes the number of decimals in `value`.
 *        The result goes to `as` (default: `field` itself).
 *   { op: 'sort', field, order?: asc|desc }  or  { op: 'sort', by: [{ field, order? }, ...] }
 *        Stable; missing/null values sort last in either order.
 *   { op: 'group', by: field | [fields], aggregates?: { name: { fn: count|sum|avg|min|max, field? } } }
 *        One record per group, in order of first appearance; aggregates default to { count: { fn: 'count' } }.
 *   { op: 'aggregate', aggregates: { ... } }   one record summarising all records
 *   { op: 'pick', fields: [names] }            keep only these fields
 *   { op: 'rename', fields: { old: 'new' } }   rename fields
 *
 * Field names may be dot paths ("address.city") in filter, map, sort, group and aggregates.
 */

const COMPARATORS = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => comparable(a, b) && a > b,
  gte: (a, b) => comparable(a, b) && a >= b,
  lt: (a, b) => comparable(a, b) && a < b,
  lte: (a, b) => comparable(a, b) && a <= b,
  in: (a, list) => list.includes(a),
  contains: (a, b) => (typeof a === 'string' && typeof b === 'string' ? a.includes(b) : Array.isArray(a) && a.includes(b)),
}

function comparable(a, b) {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string')
}

function isMissing(v) {
  return v === null || v === undefined
}

function getPath(record, path) {
  let value = record
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = value[key]
  }
  return value
}

function setPath(record, path, value) {
  const keys = path.split('.')
  const copy = { ...record }
  let target = copy
  for (let i = 0; i < keys.length - 1; i++) {
    const next = target[keys[i]]
    target[keys[i]] = next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...next } : {}
    target = target[keys[i]]
  }
  target[keys[keys.length - 1]] = value
  return copy
}

const TYPE_RANK = { number: 0, string: 1, boolean: 2 }

function compareValues(a, b) {
  const ra = TYPE_RANK[typeof a] ?? 3
  const rb = TYPE_RANK[typeof b] ?? 3
  if (ra !== rb) return ra - rb
  if (ra === 3) return 0
  return a < b ? -1 : a > b ? 1 : 0
}

function toNumber(value, where) {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  throw new DataError(`${where}: ${JSON.stringify(value)} is not a number`, { value })
}

function filterOp(records, op, where) {
  const compare = COMPARATORS[op.operator]
  if (!compare) throw new ValidationError(`${where}: unknown operator '${op.operator}'`)
  if (op.operator === 'in' && !Array.isArray(op.value)) {
    throw new ValidationError(`${where}: operator 'in' needs an array value`)
  }
  return records.filter((record) => {
    const value = getPath(record, op.field)
    if (isMissing(value) && op.operator !== 'eq' && op.operator !== 'ne') return false
    return compare(value === undefined ? null : value, op.value)
  })
}

function mapOp(records, op, where) {
  const target = op.as ?? op.field
  return records.map((record, index) => {
    const at = `${where}, record ${index}`
    const value = getPath(record, op.field)
    const arg = op.value_field !== undefined ? getPath(record, op.value_field) : op.value
    let result
    switch (op.fn) {
      case 'upper':
        result = isMissing(value) ? null : String(value).toUpperCase()
        break
      case 'lower':
        result = isMissing(value) ? null : String(value).toLowerCase()
        break
      case 'trim':
        result = isMissing(value) ? null : String(value).trim()
        break
      case 'to_string':
        result = isMissing(value) ? null : String(value)
        break
      case 'to_number':
        result = isMissing(value) ? null : toNumber(value, at)
        break
      case 'abs':
        result = isMissing(value) ? null : Math.abs(toNumber(value, at))
        break
      case 'round': {
        const factor = 10 ** (arg ?? 0)
        result = isMissing(value) ? null : Math.round(toNumber(value, at) * factor) / factor
        break
      }
      case 'add':
      case 'subtract':
      case 'multiply':
      case 'divide': {
        if (isMissing(value) || isMissing(arg)) {
          result = null
          break
        }
        const x = toNumber(value, at)
        const y = toNumber(arg, at)
        if (op.fn === 'divide' && y === 0) throw new DataError(`${at}: division by zero`)
        result = op.fn === 'add' ? x + y : op.fn === 'subtract' ? x - y : op.fn === 'multiply' ? x * y : x / y
        break
      }
      case 'concat':
        result = `${value ?? ''}${arg ?? ''}`
        break
      case 'default':
        result = isMissing(value) ? arg : value
        break
      default:
        throw new ValidationError(`${where}: unknown map function '${op.fn}'`)
    }
    return setPath(record, target, result)
  })
}

function sortOp(records, op) {
  const keys = op.by ?? [{ field: op.field, order: op.order }]
  const indexed = records.map((record, index) => ({ record, index }))
  indexed.sort((x, y) => {
    for (const key of keys) {
      const a = getPath(x.record, key.field)
      const b = getPath(y.record, key.field)
      if (isMissing(a) || isMissing(b)) {
        if (isMissing(a) && isMissing(b)) continue
        return isMissing(a) ? 1 : -1 // missing values last, whatever the order
      }
      const c = compareValues(a, b)
      if (c !== 0) return key.order === 'desc' ? -c : c
    }
    return x.index - y.index
  })
  return indexed.map((item) => item.record)
}

function aggregate(records, spec, where) {
  const out = {}
  for (const [name, { fn, field }] of Object.entries(spec)) {
    const at = `${where}, aggregate '${name}'`
    if (fn === 'count') {
      out[name] = field === undefined ? records.length : records.filter((r) => !isMissing(getPath(r, field))).length
      continue
    }
    if (field === undefined) throw new ValidationError(`${at}: '${fn}' needs a field`)
    const values = records.map((r) => getPath(r, field)).filter((v) => !isMissing(v))
    if (fn === 'sum' || fn === 'avg') {
      const sum = values.reduce((acc, v) => acc + toNumber(v, at), 0)
      out[name] = fn === 'sum' ? sum : values.length ? sum / values.length : null
    } else if (fn === 'min' || fn === 'max') {
      let best = null
      for (const v of values) {
        if (best === null || (fn === 'min' ? compareValues(v, best) < 0 : compareValues(v, best) > 0)) best = v
      }
      out[name] = best
    } else {
      throw new ValidationError(`${at}: unknown aggregate function '${fn}'`)
    }
  }
  return out
}

function groupOp(records, op, where) {
  const fields = Array.isArray(op.by) ? op.by : [op.by]
  const spec = op.aggregates ?? { count: { fn: 'count' } }
  const groups = new Map()
  for (const record of records) {
    const keyValues = fields.map((f) => getPath(record, f) ?? null)
    const key = JSON.stringify(keyValues)
    if (!groups.has(key)) groups.set(key, { keyValues, members: [] })
    groups.get(key).members.push(record)
  }
  return [...groups.values()].map(({ keyValues, members }) => {
    const out = {}
    fields.forEach((f, i) => (out[f] = keyValues[i]))
    return { ...out, ...aggregate(members, spec, where) }
  })
}

function pickOp(records, op) {
  return records.map((record) => {
    const out = {}
    for (const f of op.fields) if (Object.prototype.hasOwnProperty.call(record, f)) out[f] = record[f]
    return out
  })
}

function renameOp(records, op) {
  return records.map((record) => {
    const out = {}
    for (const [key, value] of Object.entries(record)) out[op.fields[key] ?? key] = value
    return out
  })
}

const OPERATIONS = {
  filter: filterOp,
  map: mapOp,
  sort: sortOp,
  group: groupOp,
  aggregate: (records, op, where) => [aggregate(records, op.aggregates, where)],
  pick: pickOp,
  rename: renameOp,
}

export async function main(input, context) {
  const operations = input.operations ?? []
  let records = input.records

  for (let i = 0; i < operations.length; i++) {
    const op = operations[i]
    const apply = OPERATIONS[op.op]
    if (!apply) throw new ValidationError(`operations[${i}]: unknown op '${op.op}'`, { index: i })
    const before = records.length
    records = apply(records, op, `operations[${i}] (${op.op})`)
    context.log.debug(`operations[${i}] ${op.op}: ${before} -> ${records.length} records`)
    context.progress((i + 1) / operations.length)
  }

  const stats = { input_count: input.records.length, output_count: records.length }
  context.log.info('Transformation complete', { ...stats, operations: operations.length })
  return { records, stats }
}
