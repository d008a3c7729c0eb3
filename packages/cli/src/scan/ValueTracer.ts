/**
 * The receiver tracker: what legacy value an expression evaluates to, from the facts inference has
 * recorded so far, and which mapping entry `receiver.name` then stands for.
 */

import type { Dialect } from 'signaling-compat/mapping';
import { type AstNode, child, children, memberName, stringValue, typeName, unwrap } from './ast';
import { ANNOTATION_TYPES, GLOBAL_OBJECTS, HANDLER_CLASSES, type LegacyValue, NATIVE_CLASS_NAMES, isLegacyModule } from './legacyModel';
import type { ProgramFacts } from './ProgramFacts';
import { type Resolved, nameOnlyEntry, tracedMember } from './resolveMember';

/** Type names that mean a legacy object even when not imported (generic ones, like `Session`, must be). */
const DISTINCT_TYPE_NAMES = new Set([...Object.keys(HANDLER_CLASSES), 'LoginSession', 'AgoraAPI']);

const NATIVE_CLASS: LegacyValue = { kind: 'class', dialect: 'native', owner: 'AgoraAPI', confidence: 'high' };

export class ValueTracer {
  readonly #facts: ProgramFacts;

  constructor(facts: ProgramFacts) {
    this.#facts = facts;
  }

  get hint(): Dialect {
    return this.#facts.survey.hint;
  }

  /** The legacy `Signal` factory. */
  factory(): LegacyValue {
    // `new Signal(appid)` is both the Web and the Server spelling; the file decides.
    return { kind: 'factory', dialect: this.hint === 'server' ? 'server' : 'web', owner: 'Signal', confidence: 'high' };
  }

  /** What a named export of the legacy SDK or the shim is. */
  namedExport(name: string): LegacyValue | undefined {
    if (name === 'default' || name === 'Signal') return this.factory();
    if (NATIVE_CLASS_NAMES.has(name)) return NATIVE_CLASS;
    const handler = HANDLER_CLASSES[name];
    return handler && { kind: 'callbackClass', ...handler, confidence: 'high' };
  }

  /**
   * The entry `receiver.name` stands for. Traced receivers give `high` (or their own confidence);
   * otherwise a name unique to Signaling gives `low`. `call` is the call `receiver.name` is the callee of.
   */
  resolveMember(receiver: LegacyValue | undefined, name: string, call: AstNode | undefined): Resolved | undefined {
    const traced =
      receiver && tracedMember(receiver, name, () => (call === undefined ? receiver.dialect : this.#loginDialect(call, receiver.dialect)));
    return traced ?? nameOnlyEntry(name, this.hint);
  }

  /** Web `login(account, token[, count, time])` or Server `login(account, token, callback)`. */
  #loginDialect(call: AstNode, fallback: Dialect): Dialect {
    const args = children(call, 'arguments');
    if (args.length !== 3) return args.length > 3 ? 'web' : fallback;
    const last = unwrap(args[2]);
    if (last?.type === 'ObjectExpression' || last?.type === 'NewExpression') return 'server';
    if (last?.type === 'Literal') return 'web';
    if (last?.type === 'Identifier' && this.#facts.objectsByName.has(last.name as string)) return 'server';
    const value = this.valueOf(last);
    return value?.kind === 'instance' || value?.kind === 'localClass' ? 'server' : fallback;
  }

  /** `require('signaling-compat')`, `require('./AgoraSig-1.4.0.js')`. */
  isLegacyRequire(node: AstNode | undefined): boolean {
    const call = unwrap(node);
    const callee = call?.type === 'CallExpression' ? unwrap(child(call, 'callee')) : undefined;
    const specifier = call && stringValue(children(call, 'arguments')[0]);
    return callee?.type === 'Identifier' && callee.name === 'require' && specifier !== undefined && isLegacyModule(specifier);
  }

  /** `x: Session`, `handler: Signal.LoginCallback`, with the type imported from the legacy module. */
  annotated(node: AstNode): LegacyValue | undefined {
    const annotation = child(child(node, 'typeAnnotation') ?? node, 'typeAnnotation');
    if (annotation?.type !== 'TSTypeReference') return undefined;
    const written = typeName(child(annotation, 'typeName'));
    if (written === undefined) return undefined;
    const imported = this.#facts.typeImports.get(written);
    // Generic names (Session, Channel, Call) count only when imported from the legacy module.
    const type = imported !== undefined ? ANNOTATION_TYPES[imported] : DISTINCT_TYPE_NAMES.has(written) ? ANNOTATION_TYPES[written] : undefined;
    return type && { kind: 'instance', ...type, confidence: 'high' };
  }

  valueOf(expression: AstNode | undefined): LegacyValue | undefined {
    const node = unwrap(expression);
    if (node === undefined) return undefined;
    switch (node.type) {
      case 'Identifier':
        return this.#identifierValue(node.name as string);
      case 'MemberExpression':
        return this.#memberValue(node);
      case 'CallExpression':
        return this.#callValue(node);
      case 'NewExpression':
        return this.#newValue(node);
      case 'AwaitExpression':
        return this.valueOf(child(node, 'argument'));
      case 'AssignmentExpression':
        return this.valueOf(child(node, 'right'));
      case 'LogicalExpression':
        return this.valueOf(child(node, 'left')) ?? this.valueOf(child(node, 'right'));
      case 'ConditionalExpression':
        return this.valueOf(child(node, 'consequent')) ?? this.valueOf(child(node, 'alternate'));
      case 'SequenceExpression': {
        const expressions = children(node, 'expressions');
        return this.valueOf(expressions[expressions.length - 1]);
      }
      default:
        return undefined;
    }
  }

  #identifierValue(name: string): LegacyValue | undefined {
    const known = this.#facts.vars.get(name);
    if (known !== undefined) return known;
    if (NATIVE_CLASS_NAMES.has(name)) return NATIVE_CLASS;
    if (this.#facts.declares(name)) return undefined;
    // Undeclared names are globals: the script-tag SDK defined `Signal` (docs/reference/legacy-usage.md §2.1).
    if (name === 'Signal') return this.factory();
    const handler = HANDLER_CLASSES[name];
    return handler && { kind: 'callbackClass', ...handler, confidence: 'high' };
  }

  #memberValue(node: AstNode): LegacyValue | undefined {
    const name = memberName(node);
    if (name === undefined) return undefined;
    const base = unwrap(child(node, 'object'));
    const object = this.valueOf(base);
    if (object?.kind === 'factory' || object?.kind === 'class') {
      const handler = HANDLER_CLASSES[name];
      if (handler !== undefined) return { kind: 'callbackClass', ...handler, confidence: object.confidence };
    }
    if (base?.type === 'Identifier' && GLOBAL_OBJECTS.has(base.name as string) && !this.#facts.declares(base.name as string)) {
      if (name === 'Signal') return this.factory();
      if (NATIVE_CLASS_NAMES.has(name)) return NATIVE_CLASS;
    }
    return this.#facts.fields.get(name);
  }

  #callValue(node: AstNode): LegacyValue | undefined {
    if (this.isLegacyRequire(node)) return this.factory();
    const callee = unwrap(child(node, 'callee'));
    if (isGlobalCreateInstance(callee, this.#facts)) return { ...NATIVE_CLASS, kind: 'instance' };
    const called = this.valueOf(callee);
    if (called?.kind === 'factory') return { ...called, kind: 'instance' };
    if (callee?.type !== 'MemberExpression') return undefined;
    const name = memberName(callee);
    const resolved = name === undefined ? undefined : this.resolveMember(this.valueOf(child(callee, 'object')), name, node);
    if (resolved?.entry.returns === undefined) return undefined;
    // `signal.login(…)` is a session, `session.channelJoin(…)` a channel: the mapping's `returns` column.
    return { kind: 'instance', dialect: resolved.entry.dialect, owner: resolved.entry.returns, confidence: resolved.confidence };
  }

  #newValue(node: AstNode): LegacyValue | undefined {
    const callee = unwrap(child(node, 'callee'));
    const constructed = this.valueOf(callee);
    if (constructed?.kind === 'factory') return { ...constructed, kind: 'instance' };
    if (constructed?.kind === 'callbackClass') return { ...constructed, kind: 'instance' };
    if (callee?.type === 'Identifier') {
      const name = callee.name as string;
      return this.#facts.classRoles.get(name) ?? { kind: 'localClass', dialect: this.hint, owner: name, confidence: 'high' };
    }
    return undefined;
  }
}

/** The native C++ entry point `createAgoraSDKInstance()`, unless the program defines its own. */
export function isGlobalCreateInstance(callee: AstNode | undefined, facts: ProgramFacts): boolean {
  return callee?.type === 'Identifier' && callee.name === 'createAgoraSDKInstance' && !facts.declares('createAgoraSDKInstance');
}
