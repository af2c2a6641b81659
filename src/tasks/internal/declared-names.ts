/**
 * Scope analysis for the debugger's instrumentation: which identifiers each scope-creating node of an
 * acorn AST declares. A statement sees the union of the names of its enclosing scopes.
 */
import type { AnyNode, ModuleDeclaration, Pattern, Statement } from 'acorn'
import { recursive } from 'acorn-walk'

/** Names that cannot be read back through an arrow function, or that would shadow our own helper. */
const UNREADABLE = new Set(['__ratchet_dbg', '__proto__', 'arguments', 'eval', 'let', 'yield', 'await'])

/** The identifiers a binding pattern declares: `{ a, b: [c, ...d] = [] }` declares a, c and d. */
export function patternNames(pattern: Pattern, out: string[] = []): string[] {
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern.name)
      break
    case 'ObjectPattern':
      for (const property of pattern.properties) patternNames(property.type === 'RestElement' ? property.argument : property.value, out)
      break
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) patternNames(element, out)
      break
    case 'RestElement':
      patternNames(pattern.argument, out)
      break
    case 'AssignmentPattern':
      patternNames(pattern.left, out)
      break
    default:
      // MemberExpression only appears in assignment targets, which declare nothing.
      break
  }
  return out
}

/** `var` declarations anywhere in `body`, not inside nested functions or class static blocks (they hoist to here). */
function hoistedVars(body: ReadonlyArray<Statement | ModuleDeclaration>): string[] {
  const names: string[] = []
  const visit = recursive<null>
  for (const statement of body) {
    visit(statement, null, {
      Function() {},
      StaticBlock() {},
      VariableDeclaration(node, state, c) {
        if (node.kind === 'var') for (const declarator of node.declarations) patternNames(declarator.id, names)
        for (const declarator of node.declarations) if (declarator.init) c(declarator.init, state)
      },
    })
  }
  return names
}

/** let/const/class/function declared directly in a statement list. */
function lexicalNames(body: ReadonlyArray<Statement | ModuleDeclaration>): string[] {
  const names: string[] = []
  for (const statement of body) {
    if (statement.type === 'VariableDeclaration' && statement.kind !== 'var') for (const d of statement.declarations) patternNames(d.id, names)
    else if ((statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') && statement.id) names.push(statement.id.name)
  }
  return names
}

function loopHeadNames(head: AnyNode | null | undefined): string[] {
  if (head?.type !== 'VariableDeclaration' || head.kind === 'var') return []
  return head.declarations.flatMap((d) => patternNames(d.id))
}

/** The names `node` introduces for the code inside it (empty when it creates no scope). */
function scopeNames(node: AnyNode): string[] {
  switch (node.type) {
    case 'Program':
      return [...lexicalNames(node.body), ...hoistedVars(node.body)]
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression': {
      const params = node.params.flatMap((param) => patternNames(param))
      return node.body.type === 'BlockStatement' ? [...params, ...hoistedVars(node.body.body)] : params
    }
    case 'StaticBlock':
      return [...lexicalNames(node.body), ...hoistedVars(node.body)]
    case 'BlockStatement':
      return lexicalNames(node.body)
    case 'SwitchStatement':
      return lexicalNames(node.cases.flatMap((c) => c.consequent))
    case 'ForStatement':
      return loopHeadNames(node.init)
    case 'ForInStatement':
    case 'ForOfStatement':
      return loopHeadNames(node.left)
    case 'CatchClause':
      return node.param ? patternNames(node.param) : []
    default:
      return []
  }
}

/** Remembers each scope's names: a file's statements share their enclosing scopes. */
export function createScopeReader(): (ancestors: readonly AnyNode[]) => string[] {
  const cache = new Map<AnyNode, string[]>()
  const namesOf = (node: AnyNode) => {
    let names = cache.get(node)
    if (!names) {
      names = scopeNames(node)
      cache.set(node, names)
    }
    return names
  }
  /** Every name visible inside the innermost ancestor, innermost scope first, each once. */
  return (ancestors) => {
    const seen = new Set<string>()
    for (let i = ancestors.length - 1; i >= 0; i--) {
      for (const name of namesOf(ancestors[i])) if (!UNREADABLE.has(name)) seen.add(name)
    }
    return [...seen]
  }
}
