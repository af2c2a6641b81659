/**
 * addition: returns { result: a + b }.
 *
 * The input schema already requires `a` and `b` to be numbers; the check below keeps the task
 * safe when it is called without schema validation (otherwise "5" + 3 would give "53").
 * A sum of two very large numbers can overflow to Infinity, which JSON cannot represent:
 * that case is reported as a DataError instead of returning `null`.
 */
function main(input) {
  const { a, b } = input
  if (typeof a !== 'number' || typeof b !== 'number') {
    throw new ValidationError('a and b must both be numbers', { a: typeof a, b: typeof b })
  }
  const result = a + b
  if (!Number.isFinite(result)) {
    throw new DataError('The sum is too large to represent as a JSON number', { a, b })
  }
  return { result }
}
