/**
 * Just enough of the ESTree shape oxc-parser produces to walk it without a type per node.
 */

/** Any AST node: a `type`, a UTF-16 source span, and node-specific fields. */
export interface AstNode {
  type: string;
  start: number;
  end: number;
  [field: string]: unknown;
}

/** Whether a field value is a node (fields also hold strings, numbers, null and arrays). */
export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** A child node field, or undefined when absent or not a node. */
export function child(node: AstNode, field: string): AstNode | undefined {
  const value = node[field];
  return isNode(value) ? value : undefined;
}

/** A list field of nodes (holes and non-nodes dropped). */
export function children(node: AstNode, field: string): AstNode[] {
  const value = node[field];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/**
 * Depth-first walk calling `visit` with each node and its ancestors (outermost first). Iterative,
 * so deeply nested generated code cannot overflow the stack.
 */
export function walk(root: AstNode, visit: (node: AstNode, ancestors: readonly AstNode[]) => void): void {
  const ancestors: AstNode[] = [];
  const stack: Array<AstNode | null> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      ancestors.pop();
      continue;
    }
    if (node === undefined) break;
    visit(node, ancestors);
    ancestors.push(node);
    stack.push(null);
    const kids: AstNode[] = [];
    for (const key in node) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) kids.push(item);
      } else if (isNode(value)) {
        kids.push(value);
      }
    }
    // Pushed in reverse so children are visited in source order.
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

const TRANSPARENT = new Set([
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'ChainExpression',
]);

/** Strips parentheses, `as`/`!`/`satisfies` and optional-chain wrappers. */
export function unwrap(node: AstNode | undefined): AstNode | undefined {
  let current = node;
  while (current !== undefined && TRANSPARENT.has(current.type)) current = child(current, 'expression');
  return current;
}

/** The value of a string literal (or a template literal without substitutions). */
export function stringValue(node: AstNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && children(node, 'expressions').length === 0) {
    const quasi = children(node, 'quasis')[0];
    const cooked = (quasi?.value as { cooked?: unknown } | undefined)?.cooked;
    return typeof cooked === 'string' ? cooked : undefined;
  }
  return undefined;
}

/** The property name of `a.b` / `a['b']`, or of an object/class key `b`. */
export function keyName(key: AstNode | undefined, computed: boolean): string | undefined {
  if (key === undefined) return undefined;
  if (!computed && (key.type === 'Identifier' || key.type === 'PrivateIdentifier')) return key.name as string;
  return stringValue(key);
}

/** The name of a member expression's property, for `a.b` and `a['b']`. */
export function memberName(node: AstNode): string | undefined {
  return keyName(child(node, 'property'), node.computed === true);
}

/** The name a call's callee ends in: `f` for `f()`, `b` for `a.b()`. */
export function calleeName(call: AstNode): string | undefined {
  const callee = unwrap(child(call, 'callee'));
  if (callee === undefined) return undefined;
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression') return memberName(callee);
  return undefined;
}

const FUNCTIONS = new Set(['FunctionExpression', 'ArrowFunctionExpression', 'FunctionDeclaration']);

/** Whether a node is a function expression, arrow function or function declaration. */
export function isFunction(node: AstNode | undefined): node is AstNode {
  return node !== undefined && FUNCTIONS.has(node.type);
}

/** The identifier names a function binds for its parameters, in order (undefined for patterns). */
export function parameterNames(fn: AstNode): Array<string | undefined> {
  return children(fn, 'params').map((param) => {
    let target: AstNode | undefined = param;
    if (target.type === 'TSParameterProperty') target = child(target, 'parameter');
    if (target?.type === 'AssignmentPattern') target = child(target, 'left');
    return target?.type === 'Identifier' ? (target.name as string) : undefined;
  });
}

/** The name a type reference ends in: `Session`, and `LoginCallback` for `Signal.LoginCallback`. */
export function typeName(node: AstNode | undefined): string | undefined {
  if (node?.type === 'Identifier') return node.name as string;
  if (node?.type === 'TSQualifiedName' || node?.type === 'MemberExpression') {
    return (child(node, 'right') ?? child(node, 'property'))?.name as string | undefined;
  }
  return undefined;
}
