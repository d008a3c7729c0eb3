/**
 * A first pass over a program: the names it declares (so a global `Signal` can be told from a local
 * one) and the dialect it is most likely written in, used when a name alone has to pick between
 * dialects.
 */

import type { Dialect } from 'signaling-compat/mapping';
import { type AstNode, calleeName, child, children, unwrap, walk } from './ast';
import { HANDLER_CLASSES, NATIVE_CLASS_NAMES } from './legacyModel';

/** What the survey found. */
export interface ProgramSurvey {
  declared: ReadonlySet<string>;
  hint: Dialect;
}

/** Names only native code uses: the flat API's own methods and class names. */
const NATIVE_EVIDENCE = new Set(['callbackSet', 'login2', 'createAgoraSDKInstance', 'getInstanceWithoutMedia', ...NATIVE_CLASS_NAMES]);

/** Names only Server code uses: its callback classes, `LoginSession` and the user attribute methods. */
const SERVER_EVIDENCE = new Set([
  ...Object.entries(HANDLER_CLASSES)
    .filter(([, handler]) => handler.dialect === 'server')
    .map(([name]) => name),
  'LoginSession',
  'userSetAttr',
  'userGetAttr',
  'userGetAttrAll',
]);

export function surveyProgram(program: AstNode): ProgramSurvey {
  const declared = new Set<string>();
  let native = false;
  let server = false;
  walk(program, (node) => {
    switch (node.type) {
      case 'VariableDeclarator':
        declare(declared, child(node, 'id'));
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        declare(declared, child(node, 'id'));
        for (const param of children(node, 'params')) declare(declared, param);
        break;
      case 'ClassDeclaration':
        declare(declared, child(node, 'id'));
        break;
      case 'ImportSpecifier':
      case 'ImportDefaultSpecifier':
      case 'ImportNamespaceSpecifier':
        declare(declared, child(node, 'local'));
        break;
      case 'CatchClause':
        declare(declared, child(node, 'param'));
        break;
      case 'Identifier': {
        const name = node.name as string;
        if (NATIVE_EVIDENCE.has(name)) native = true;
        if (SERVER_EVIDENCE.has(name)) server = true;
        break;
      }
      case 'CallExpression': {
        // Server `login(account, token, { …callbacks })`.
        const last = unwrap(children(node, 'arguments')[2]);
        if (calleeName(node) === 'login' && children(node, 'arguments').length === 3 && last?.type === 'ObjectExpression') {
          server = true;
        }
        break;
      }
    }
  });
  return { declared, hint: native ? 'native' : server ? 'server' : 'web' };
}

function declare(declared: Set<string>, pattern: AstNode | undefined): void {
  if (pattern === undefined) return;
  switch (pattern.type) {
    case 'Identifier':
      declared.add(pattern.name as string);
      break;
    case 'ObjectPattern':
      for (const property of children(pattern, 'properties')) {
        declare(declared, property.type === 'RestElement' ? child(property, 'argument') : child(property, 'value'));
      }
      break;
    case 'ArrayPattern':
      for (const element of children(pattern, 'elements')) declare(declared, element);
      break;
    case 'RestElement':
      declare(declared, child(pattern, 'argument'));
      break;
    case 'AssignmentPattern':
      declare(declared, child(pattern, 'left'));
      break;
    case 'TSParameterProperty':
      declare(declared, child(pattern, 'parameter'));
      break;
  }
}
