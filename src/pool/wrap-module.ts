const WRAP_PREFIX = '(function (module, exports, require) {'

/**
 * The task's module (already a classic script, see toScript) as a function body, so each execution
 * gets its own top-level scope. Lines stay where they were: the prefix shares line 1 and the epilogue
 * goes after the last line.
 */
export function wrapModule(script: string): string {
  return `${WRAP_PREFIX}${script}\n;return typeof main === 'function' ? main : undefined\n})`
}
