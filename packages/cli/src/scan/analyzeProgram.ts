/**
 * Finds the legacy Signaling uses in one parsed program.
 *
 * Data flow is traced within the file, flow- and scope-insensitively: variables, object fields
 * (`this.session`, `client.channel`, by field name), destructuring, handler parameters
 * (`onInviteReceived(call)`, server callbacks' `(session, channel)`), emitter proxies
 * (`emitter.on('onInviteReceived', call => …)`) and handler objects handed to `login`,
 * `channelJoin`, `callbackSet`, …. Inference runs to a fixpoint first; reporting walks once more.
 */

import type { Dialect, MappingEntry } from 'signaling-compat/mapping';
import {
  type AstNode,
  calleeName,
  child,
  children,
  isFunction,
  keyName,
  memberName,
  parameterNames,
  stringValue,
  unwrap,
  walk,
} from './ast';
import {
  ANNOTATION_TYPES,
  COUNTERPART,
  CREATED_BY,
  EMITTER_METHODS,
  GLOBAL_OBJECTS,
  HANDLER_ARGUMENT,
  HANDLER_CLASSES,
  type LegacyValue,
  NATIVE_CLASS_NAMES,
  handlerParameterOwners,
  isLegacyModule,
} from './legacyModel';
import { DISTINCT_EXTRA_KEYS, EXTRA_KEYS, entryByName, entryOf, invokeEntry, isDistinctiveName } from './lookup';
import type { Confidence } from './types';

/** A finding before it is placed in a file: source offset, entry and confidence. */
export interface RawFinding {
  offset: number;
  entry: MappingEntry;
  confidence: Confidence;
  spelling?: string;
}

interface Resolved {
  entry: MappingEntry;
  confidence: Confidence;
}

const MAX_INFERENCE_ROUNDS = 8;
/** An extra key inside JSON text: `"_timeout"`, or `\"_timeout\"` in a source string. */
const EXTRA_KEY_IN_JSON = new RegExp(`["'](${[...EXTRA_KEYS].join('|')})\\\\?["']`, 'g');
const DISTINCT_TYPE_NAMES = new Set([...Object.keys(HANDLER_CLASSES), 'LoginSession', 'AgoraAPI']);
const NATIVE_EVIDENCE = new Set(['callbackSet', 'login2', 'createAgoraSDKInstance', 'getInstanceWithoutMedia', ...NATIVE_CLASS_NAMES]);
const SERVER_EVIDENCE = new Set([
  'LoginCallback',
  'ChannelCallback',
  'CallCallback',
  'MessageCallback',
  'UserAttrCallback',
  'LoginSession',
  'userSetAttr',
  'userGetAttr',
  'userGetAttrAll',
]);

/** Analyses one program; `source` is the text it was parsed from (for raw string contents). */
export function analyzeProgram(program: AstNode, source: string): RawFinding[] {
  return new ProgramAnalysis(program, source).run();
}

class ProgramAnalysis {
  readonly #program: AstNode;
  readonly #source: string;
  #hint: Dialect = 'web';
  readonly #declared = new Set<string>();
  readonly #vars = new Map<string, LegacyValue>();
  readonly #fields = new Map<string, LegacyValue>();
  readonly #typeImports = new Map<string, string>();
  readonly #objectsByName = new Map<string, Set<AstNode>>();
  readonly #objectsByField = new Map<string, Set<AstNode>>();
  readonly #objectRoles = new Map<AstNode, LegacyValue>();
  readonly #classRoles = new Map<string, LegacyValue>();
  readonly #extraNames = new Set<string>();
  readonly #proxyNames = new Map<AstNode, Resolved>();
  #changes = 0;
  readonly #findings = new Map<string, RawFinding>();

  constructor(program: AstNode, source: string) {
    this.#program = program;
    this.#source = source;
  }

  run(): RawFinding[] {
    this.#survey();
    for (let round = 0; round < MAX_INFERENCE_ROUNDS; round++) {
      this.#changes = 0;
      walk(this.#program, (node, ancestors) => this.#infer(node, ancestors));
      if (this.#changes === 0) break;
    }
    walk(this.#program, (node, ancestors) => this.#report(node, ancestors));
    return [...this.#findings.values()].sort((a, b) => a.offset - b.offset);
  }

  // ---------------------------------------------------------------------------------------------
  // Survey: declared names (so a global `Signal` can be told from a local one) and the file's
  // dialect, used when a name alone has to pick between dialects.

  #survey(): void {
    let native = false;
    let server = false;
    walk(this.#program, (node) => {
      switch (node.type) {
        case 'VariableDeclarator':
          this.#declare(child(node, 'id'));
          break;
        case 'FunctionDeclaration':
        case 'FunctionExpression':
        case 'ArrowFunctionExpression':
          this.#declare(child(node, 'id'));
          for (const param of children(node, 'params')) this.#declare(param);
          break;
        case 'ClassDeclaration':
          this.#declare(child(node, 'id'));
          break;
        case 'ImportSpecifier':
        case 'ImportDefaultSpecifier':
        case 'ImportNamespaceSpecifier':
          this.#declare(child(node, 'local'));
          break;
        case 'CatchClause':
          this.#declare(child(node, 'param'));
          break;
        case 'Identifier': {
          const name = node.name as string;
          if (NATIVE_EVIDENCE.has(name)) native = true;
          if (SERVER_EVIDENCE.has(name)) server = true;
          break;
        }
        case 'CallExpression': {
          const last = unwrap(children(node, 'arguments')[2]);
          if (calleeName(node) === 'login' && children(node, 'arguments').length === 3 && last?.type === 'ObjectExpression') {
            server = true;
          }
          break;
        }
      }
    });
    this.#hint = native ? 'native' : server ? 'server' : 'web';
  }

  #declare(pattern: AstNode | undefined): void {
    if (pattern === undefined) return;
    switch (pattern.type) {
      case 'Identifier':
        this.#declared.add(pattern.name as string);
        break;
      case 'ObjectPattern':
        for (const property of children(pattern, 'properties')) {
          this.#declare(property.type === 'RestElement' ? child(property, 'argument') : child(property, 'value'));
        }
        break;
      case 'ArrayPattern':
        for (const element of children(pattern, 'elements')) this.#declare(element);
        break;
      case 'RestElement':
        this.#declare(child(pattern, 'argument'));
        break;
      case 'AssignmentPattern':
        this.#declare(child(pattern, 'left'));
        break;
      case 'TSParameterProperty':
        this.#declare(child(pattern, 'parameter'));
        break;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Inference

  /** Records what `key` holds, unless known already; a high-confidence value replaces a low one. */
  #set<K>(map: Map<K, LegacyValue>, key: K, value: LegacyValue | undefined): void {
    if (value === undefined) return;
    const known = map.get(key);
    if (known === undefined || (known.confidence === 'low' && value.confidence === 'high')) {
      map.set(key, value);
      this.#changes++;
    }
  }

  #remember(index: Map<string, Set<AstNode>>, key: string, value: AstNode | undefined): void {
    const object = unwrap(value);
    if (object?.type !== 'ObjectExpression') return;
    const set = index.get(key) ?? new Set<AstNode>();
    if (!set.has(object)) {
      set.add(object);
      index.set(key, set);
      this.#changes++;
    }
  }

  #infer(node: AstNode, ancestors: readonly AstNode[]): void {
    switch (node.type) {
      case 'ImportDeclaration':
        return this.#inferImport(node);
      case 'VariableDeclarator':
        return this.#inferDeclarator(node);
      case 'AssignmentExpression':
        return this.#inferAssignment(node);
      case 'PropertyDefinition': {
        const name = keyName(child(node, 'key'), node.computed === true);
        if (name === undefined) return;
        this.#set(this.#fields, name, this.#valueOf(child(node, 'value')) ?? this.#annotated(node));
        this.#remember(this.#objectsByField, name, child(node, 'value'));
        return this.#inferClassMember(node, ancestors);
      }
      case 'MethodDefinition':
        return this.#inferClassMember(node, ancestors);
      case 'Property':
        return this.#inferProperty(node, ancestors);
      case 'ClassDeclaration':
      case 'ClassExpression':
        return this.#inferClass(node);
      case 'CallExpression':
        return this.#inferCall(node);
      case 'Identifier': {
        const annotated = this.#annotated(node);
        if (annotated !== undefined) this.#set(this.#vars, node.name as string, annotated);
        return;
      }
    }
  }

  #inferImport(node: AstNode): void {
    const specifier = stringValue(child(node, 'source'));
    if (specifier === undefined || !isLegacyModule(specifier)) return;
    for (const spec of children(node, 'specifiers')) {
      const local = child(spec, 'local')?.name as string | undefined;
      if (local === undefined) continue;
      if (spec.type === 'ImportSpecifier') {
        const imported = keyName(child(spec, 'imported'), false) ?? local;
        this.#set(this.#vars, local, this.#namedExport(imported));
        if (imported in ANNOTATION_TYPES) this.#typeImports.set(local, imported);
      } else {
        this.#set(this.#vars, local, this.#factory());
      }
    }
  }

  /** What a named export of the legacy SDK or the shim is. */
  #namedExport(name: string): LegacyValue | undefined {
    if (name === 'default' || name === 'Signal') return this.#factory();
    if (NATIVE_CLASS_NAMES.has(name)) return { kind: 'class', dialect: 'native', owner: 'AgoraAPI', confidence: 'high' };
    const handler = HANDLER_CLASSES[name];
    return handler && { kind: 'callbackClass', ...handler, confidence: 'high' };
  }

  #factory(): LegacyValue {
    // `new Signal(appid)` is both the Web and the Server spelling; the file decides.
    return { kind: 'factory', dialect: this.#hint === 'server' ? 'server' : 'web', owner: 'Signal', confidence: 'high' };
  }

  #inferDeclarator(node: AstNode): void {
    const id = child(node, 'id');
    const init = child(node, 'init');
    if (id?.type === 'Identifier') {
      const name = id.name as string;
      this.#set(this.#vars, name, this.#valueOf(init));
      this.#remember(this.#objectsByName, name, init);
    } else if (id?.type === 'ObjectPattern') {
      const from = this.#valueOf(init);
      const fromModule = this.#isLegacyRequire(init) || from?.kind === 'factory';
      for (const property of children(id, 'properties')) {
        const key = keyName(child(property, 'key'), property.computed === true);
        let target = child(property, 'value');
        if (target?.type === 'AssignmentPattern') target = child(target, 'left');
        if (key === undefined || target?.type !== 'Identifier') continue;
        this.#set(this.#vars, target.name as string, fromModule ? this.#namedExport(key) : this.#fields.get(key));
      }
    }
  }

  #inferAssignment(node: AstNode): void {
    const left = unwrap(child(node, 'left'));
    const right = child(node, 'right');
    if (left?.type === 'Identifier') {
      this.#set(this.#vars, left.name as string, this.#valueOf(right));
      this.#remember(this.#objectsByName, left.name as string, right);
      return;
    }
    if (left?.type !== 'MemberExpression') return;
    const name = memberName(left);
    if (name === undefined) return;
    this.#set(this.#fields, name, this.#valueOf(right));
    this.#remember(this.#objectsByField, name, right);
    // `session.onInviteReceived = (call) => …`: the handler's parameters are legacy objects.
    const handler = unwrap(right);
    if (isFunction(handler)) {
      const resolved = this.#resolveMember(this.#valueOf(child(left, 'object')), name, undefined);
      if (resolved !== undefined) this.#typeParameters(handler, resolved);
    }
  }

  #inferProperty(node: AstNode, ancestors: readonly AstNode[]): void {
    const object = ancestors[ancestors.length - 1];
    if (object?.type !== 'ObjectExpression') return;
    const name = keyName(child(node, 'key'), node.computed === true);
    if (name === undefined) return;
    const value = child(node, 'value');
    this.#set(this.#fields, name, this.#valueOf(value));
    this.#remember(this.#objectsByField, name, value);
    const role = this.#objectRoles.get(object);
    const handler = unwrap(value);
    if (role !== undefined && isFunction(handler)) {
      const resolved = this.#handlerEntry(role, name);
      if (resolved !== undefined) this.#typeParameters(handler, resolved);
    }
  }

  #inferClass(node: AstNode): void {
    const name = child(node, 'id')?.name as string | undefined;
    if (name === undefined) return;
    const base = this.#valueOf(child(node, 'superClass'));
    if (base?.kind === 'callbackClass') {
      this.#set(this.#classRoles, name, { ...base, kind: 'instance' });
    }
    for (const implemented of children(node, 'implements')) {
      const handler = HANDLER_CLASSES[this.#typeName(child(implemented, 'expression')) ?? ''];
      if (handler !== undefined) this.#set(this.#classRoles, name, { kind: 'instance', ...handler, confidence: 'high' });
    }
  }

  #classRoleOf(ancestors: readonly AstNode[]): LegacyValue | undefined {
    // MethodDefinition / PropertyDefinition → ClassBody → Class.
    const owner = ancestors[ancestors.length - 2];
    const name = owner && (child(owner, 'id')?.name as string | undefined);
    return name === undefined ? undefined : this.#classRoles.get(name);
  }

  #inferClassMember(node: AstNode, ancestors: readonly AstNode[]): void {
    const role = this.#classRoleOf(ancestors);
    const name = keyName(child(node, 'key'), node.computed === true);
    const handler = unwrap(child(node, 'value'));
    if (role === undefined || name === undefined || !isFunction(handler)) return;
    const resolved = this.#handlerEntry(role, name);
    if (resolved !== undefined) this.#typeParameters(handler, resolved);
  }

  #inferCall(node: AstNode): void {
    const callee = unwrap(child(node, 'callee'));
    const args = children(node, 'arguments');
    const name = calleeName(node);
    if (name?.startsWith('channelInvite')) {
      // Names used in an invitation's arguments (`JSON.stringify(extra)`) hold call extras.
      for (const arg of args) {
        walk(arg, (inner) => {
          if (inner.type === 'Identifier') this.#extraNames.add(inner.name as string);
          if (inner.type === 'MemberExpression') {
            const field = memberName(inner);
            if (field !== undefined) this.#extraNames.add(field);
          }
        });
      }
    }
    if (callee?.type !== 'MemberExpression' || name === undefined) return;
    if (EMITTER_METHODS.has(name)) this.#inferEmitterHandler(args);
    if (name === 'map' || name === 'forEach') this.#inferProxyLoop(callee, args);
    const resolved = this.#resolveMember(this.#valueOf(child(callee, 'object')), name, node);
    if (resolved === undefined) return;
    const handlerOwner = HANDLER_ARGUMENT[`${resolved.entry.dialect} ${resolved.entry.owner}.${resolved.entry.member}`];
    const last = args[args.length - 1];
    if (handlerOwner !== undefined && last !== undefined) {
      this.#assignRole(last, { kind: 'instance', dialect: resolved.entry.dialect, owner: handlerOwner, confidence: resolved.confidence });
    }
  }

  /** `emitter.on('onInviteReceived', (call) => …)`: a proxy of a legacy event, matched by name. */
  #inferEmitterHandler(args: AstNode[]): void {
    const event = stringValue(args[0]);
    const handler = unwrap(args[1]);
    if (event === undefined || !isFunction(handler)) return;
    const entry = entryByName(event, this.#hint);
    if (entry?.kind === 'event') this.#typeParameters(handler, { entry, confidence: 'low' });
  }

  /**
   * `['onLoginSuccess', …].map((event) => (session[event] = …))`: the wrapper pattern of
   * `docs/reference/legacy-usage.md` §2.2 assigns every listed handler through a computed member.
   */
  #inferProxyLoop(callee: AstNode, args: AstNode[]): void {
    const list = unwrap(child(callee, 'object'));
    const loop = unwrap(args[0]);
    if (list?.type !== 'ArrayExpression' || !isFunction(loop)) return;
    const variable = parameterNames(loop)[0];
    if (variable === undefined) return;
    const assigned: AstNode[] = [];
    walk(loop, (inner) => {
      if (inner.type !== 'AssignmentExpression') return;
      const left = unwrap(child(inner, 'left'));
      const property = left && child(left, 'property');
      if (left?.type === 'MemberExpression' && left.computed === true && property?.type === 'Identifier' && property.name === variable) {
        assigned.push(left);
      }
    });
    const target = assigned.map((left) => this.#valueOf(child(left, 'object'))).find((value) => value?.kind === 'instance');
    if (target === undefined) return;
    for (const element of children(list, 'elements')) {
      const name = stringValue(element);
      const resolved = name === undefined ? undefined : this.#resolveMember(target, name, undefined);
      if (resolved !== undefined && !this.#proxyNames.has(element)) {
        this.#proxyNames.set(element, resolved);
        this.#changes++;
      }
    }
  }

  #assignRole(arg: AstNode, role: LegacyValue): void {
    const value = unwrap(arg);
    if (value === undefined) return;
    if (value.type === 'ObjectExpression') return this.#set(this.#objectRoles, value, role);
    if (value.type === 'Identifier') {
      for (const object of this.#objectsByName.get(value.name as string) ?? []) this.#set(this.#objectRoles, object, role);
    } else if (value.type === 'MemberExpression') {
      const field = memberName(value);
      for (const object of (field && this.#objectsByField.get(field)) || []) this.#set(this.#objectRoles, object, role);
    }
    const instance = this.#valueOf(value);
    if (instance?.kind === 'localClass') this.#set(this.#classRoles, instance.owner, role);
  }

  #typeParameters(handler: AstNode, resolved: Resolved): void {
    const { entry, confidence } = resolved;
    const owners = handlerParameterOwners(entry.dialect, entry.owner, entry.member);
    parameterNames(handler).forEach((name, index) => {
      const owner = owners[index];
      if (name !== undefined && owner !== undefined) {
        this.#set(this.#vars, name, { kind: 'instance', dialect: entry.dialect, owner, confidence });
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Values

  #isLegacyRequire(node: AstNode | undefined): boolean {
    const call = unwrap(node);
    const callee = call?.type === 'CallExpression' ? unwrap(child(call, 'callee')) : undefined;
    const specifier = call && stringValue(children(call, 'arguments')[0]);
    return callee?.type === 'Identifier' && callee.name === 'require' && specifier !== undefined && isLegacyModule(specifier);
  }

  #typeName(node: AstNode | undefined): string | undefined {
    if (node?.type === 'Identifier') return node.name as string;
    if (node?.type === 'TSQualifiedName' || node?.type === 'MemberExpression') {
      return (child(node, 'right') ?? child(node, 'property'))?.name as string | undefined;
    }
    return undefined;
  }

  /** `x: Session`, `handler: Signal.LoginCallback`, with the type imported from the legacy module. */
  #annotated(node: AstNode): LegacyValue | undefined {
    const annotation = child(child(node, 'typeAnnotation') ?? node, 'typeAnnotation');
    if (annotation?.type !== 'TSTypeReference') return undefined;
    const written = this.#typeName(child(annotation, 'typeName'));
    if (written === undefined) return undefined;
    const imported = this.#typeImports.get(written);
    // Generic names (Session, Channel, Call) count only when imported from the legacy module.
    const type = imported !== undefined ? ANNOTATION_TYPES[imported] : DISTINCT_TYPE_NAMES.has(written) ? ANNOTATION_TYPES[written] : undefined;
    return type && { kind: 'instance', ...type, confidence: 'high' };
  }

  #valueOf(expression: AstNode | undefined): LegacyValue | undefined {
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
        return this.#valueOf(child(node, 'argument'));
      case 'AssignmentExpression':
        return this.#valueOf(child(node, 'right'));
      case 'LogicalExpression':
        return this.#valueOf(child(node, 'left')) ?? this.#valueOf(child(node, 'right'));
      case 'ConditionalExpression':
        return this.#valueOf(child(node, 'consequent')) ?? this.#valueOf(child(node, 'alternate'));
      case 'SequenceExpression': {
        const expressions = children(node, 'expressions');
        return this.#valueOf(expressions[expressions.length - 1]);
      }
      default:
        return undefined;
    }
  }

  #identifierValue(name: string): LegacyValue | undefined {
    const known = this.#vars.get(name);
    if (known !== undefined) return known;
    if (NATIVE_CLASS_NAMES.has(name)) return { kind: 'class', dialect: 'native', owner: 'AgoraAPI', confidence: 'high' };
    if (this.#declared.has(name)) return undefined;
    // Undeclared names are globals: the script-tag SDK defined `Signal` (docs/reference/legacy-usage.md §2.1).
    if (name === 'Signal') return this.#factory();
    const handler = HANDLER_CLASSES[name];
    return handler && { kind: 'callbackClass', ...handler, confidence: 'high' };
  }

  #memberValue(node: AstNode): LegacyValue | undefined {
    const name = memberName(node);
    if (name === undefined) return undefined;
    const base = unwrap(child(node, 'object'));
    const object = this.#valueOf(base);
    if (object?.kind === 'factory' || object?.kind === 'class') {
      const handler = HANDLER_CLASSES[name];
      if (handler !== undefined) return { kind: 'callbackClass', ...handler, confidence: object.confidence };
    }
    if (base?.type === 'Identifier' && GLOBAL_OBJECTS.has(base.name as string) && !this.#declared.has(base.name as string)) {
      if (name === 'Signal') return this.#factory();
      if (NATIVE_CLASS_NAMES.has(name)) return { kind: 'class', dialect: 'native', owner: 'AgoraAPI', confidence: 'high' };
    }
    return this.#fields.get(name);
  }

  #callValue(node: AstNode): LegacyValue | undefined {
    if (this.#isLegacyRequire(node)) return this.#factory();
    const callee = unwrap(child(node, 'callee'));
    if (callee?.type === 'Identifier' && callee.name === 'createAgoraSDKInstance' && !this.#declared.has('createAgoraSDKInstance')) {
      return { kind: 'instance', dialect: 'native', owner: 'AgoraAPI', confidence: 'high' };
    }
    const called = this.#valueOf(callee);
    if (called?.kind === 'factory') return { ...called, kind: 'instance' };
    if (callee?.type !== 'MemberExpression') return undefined;
    const name = memberName(callee);
    const resolved = name === undefined ? undefined : this.#resolveMember(this.#valueOf(child(callee, 'object')), name, node);
    if (resolved === undefined) return undefined;
    const owner = CREATED_BY[`${resolved.entry.dialect} ${resolved.entry.owner}.${resolved.entry.member}`];
    return owner === undefined ? undefined : { kind: 'instance', dialect: resolved.entry.dialect, owner, confidence: resolved.confidence };
  }

  #newValue(node: AstNode): LegacyValue | undefined {
    const callee = unwrap(child(node, 'callee'));
    const constructed = this.#valueOf(callee);
    if (constructed?.kind === 'factory') return { ...constructed, kind: 'instance' };
    if (constructed?.kind === 'callbackClass') return { ...constructed, kind: 'instance' };
    if (callee?.type === 'Identifier') {
      const name = callee.name as string;
      return this.#classRoles.get(name) ?? { kind: 'localClass', dialect: this.#hint, owner: name, confidence: 'high' };
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Member resolution

  /** A handler object's member: its owner's event, or for native handlers any ICallBack name. */
  #handlerEntry(role: LegacyValue, name: string): Resolved | undefined {
    const entry = entryOf(role.dialect, role.owner, name);
    return entry && { entry, confidence: role.confidence };
  }

  /**
   * The entry `receiver.name` stands for. Traced receivers give `high` (or their own
   * confidence); otherwise a name unique to Signaling gives `low`.
   */
  #resolveMember(receiver: LegacyValue | undefined, name: string, call: AstNode | undefined): Resolved | undefined {
    const traced = receiver && this.#tracedMember(receiver, name, call);
    if (traced !== undefined) return traced;
    if (!isDistinctiveName(name)) return undefined;
    const entry = entryByName(name, this.#hint);
    return entry && { entry, confidence: 'low' };
  }

  #tracedMember(receiver: LegacyValue, name: string, call: AstNode | undefined): Resolved | undefined {
    const { confidence } = receiver;
    if (receiver.kind === 'factory') {
      const entry = name === 'configure' ? entryOf(receiver.dialect, 'Signal', name) : undefined;
      return entry && { entry, confidence };
    }
    if (receiver.kind === 'class') {
      const entry = entryOf('native', 'AgoraAPI', name);
      return entry && CREATED_BY[`native AgoraAPI.${entry.member}`] !== undefined ? { entry, confidence } : undefined;
    }
    if (receiver.kind !== 'instance') return undefined;
    let dialect = receiver.dialect;
    if (receiver.owner === 'Signal' && name === 'login' && call !== undefined) dialect = this.#loginDialect(call, dialect);
    const entry = entryOf(dialect, receiver.owner, name);
    if (entry !== undefined) return { entry, confidence };
    const other = COUNTERPART[`${dialect} ${receiver.owner}`];
    const fallback = other && entryOf(other.dialect, other.owner, name);
    return fallback && { entry: fallback, confidence };
  }

  /** Web `login(account, token[, count, time])` or Server `login(account, token, callback)`. */
  #loginDialect(call: AstNode, fallback: Dialect): Dialect {
    const args = children(call, 'arguments');
    if (args.length !== 3) return args.length > 3 ? 'web' : fallback;
    const last = unwrap(args[2]);
    if (last?.type === 'ObjectExpression' || last?.type === 'NewExpression') return 'server';
    if (last?.type === 'Literal') return 'web';
    if (last?.type === 'Identifier' && this.#objectsByName.has(last.name as string)) return 'server';
    const value = this.#valueOf(last);
    return value?.kind === 'instance' || value?.kind === 'localClass' ? 'server' : fallback;
  }

  // ---------------------------------------------------------------------------------------------
  // Reporting

  #add(offset: number, resolved: Resolved | undefined, spelling?: string): void {
    if (resolved === undefined) return;
    const { entry, confidence } = resolved;
    const key = `${offset} ${entry.dialect} ${entry.owner} ${entry.member}`;
    const known = this.#findings.get(key);
    if (known !== undefined && (known.confidence === 'high' || confidence === 'low')) return;
    const finding: RawFinding = { offset, entry, confidence };
    if (spelling !== undefined && spelling !== entry.member) finding.spelling = spelling;
    this.#findings.set(key, finding);
  }

  #report(node: AstNode, ancestors: readonly AstNode[]): void {
    const parent = ancestors[ancestors.length - 1];
    switch (node.type) {
      case 'CallExpression':
      case 'NewExpression':
        return this.#reportFactoryCall(node);
      case 'MemberExpression':
        return this.#reportMember(node, parent);
      case 'Property':
        if (parent?.type === 'ObjectExpression') this.#reportProperty(node, parent, ancestors);
        return;
      case 'MethodDefinition':
      case 'PropertyDefinition': {
        const role = this.#classRoleOf(ancestors);
        const key = child(node, 'key');
        const name = keyName(key, node.computed === true);
        if (role !== undefined && key !== undefined && name !== undefined) this.#add(key.start, this.#handlerEntry(role, name), name);
        return;
      }
      case 'Literal':
      case 'TemplateLiteral':
        return this.#reportString(node, parent, ancestors);
    }
  }

  #reportFactoryCall(node: AstNode): void {
    const callee = unwrap(child(node, 'callee'));
    if (callee === undefined) return;
    if (callee.type === 'Identifier' && callee.name === 'createAgoraSDKInstance' && !this.#declared.has('createAgoraSDKInstance')) {
      const entry = entryOf('native', 'AgoraAPI', 'createAgoraSDKInstance');
      return this.#add(callee.start, entry && { entry, confidence: 'high' });
    }
    const value = this.#valueOf(callee);
    if (value?.kind !== 'factory') return;
    const at = callee.type === 'MemberExpression' ? (child(callee, 'property') ?? callee) : callee;
    const entry = entryOf(value.dialect, 'Signal', 'Signal');
    this.#add(at.start, entry && { entry, confidence: value.confidence });
  }

  #reportMember(node: AstNode, parent: AstNode | undefined): void {
    const name = memberName(node);
    const property = child(node, 'property');
    if (name === undefined || property === undefined) return;
    const object = unwrap(child(node, 'object'));
    if (EXTRA_KEYS.has(name)) {
      // `extra._require_peer_online = 1` / `extra['_timeout'] = 20`.
      const holder = object?.type === 'Identifier' ? (object.name as string) : object?.type === 'MemberExpression' ? memberName(object) : undefined;
      const inInvitation = holder !== undefined && this.#extraNames.has(holder);
      if (inInvitation || DISTINCT_EXTRA_KEYS.has(name)) this.#add(property.start, this.#extraEntry(name, inInvitation ? 'high' : 'low'));
      return;
    }
    const call = parent?.type === 'CallExpression' && child(parent, 'callee') === node ? parent : undefined;
    this.#add(property.start, this.#resolveMember(this.#valueOf(object), name, call), name);
  }

  #extraEntry(name: string, confidence: Confidence): Resolved | undefined {
    const entry = entryOf('web', 'extra', name);
    return entry && { entry, confidence };
  }

  #inInvitationArguments(ancestors: readonly AstNode[]): boolean {
    return ancestors.some((ancestor) => ancestor.type === 'CallExpression' && calleeName(ancestor)?.startsWith('channelInvite') === true);
  }

  #reportProperty(node: AstNode, object: AstNode, ancestors: readonly AstNode[]): void {
    const key = child(node, 'key');
    const name = keyName(key, node.computed === true);
    if (key === undefined || name === undefined) return;
    const role = this.#objectRoles.get(object);
    if (role !== undefined) {
      const resolved = this.#handlerEntry(role, name);
      if (resolved !== undefined) return this.#add(key.start, resolved, name);
    }
    if (EXTRA_KEYS.has(name)) {
      const inInvitation = this.#inInvitationArguments(ancestors) || this.#isNamedExtra(object);
      if (inInvitation || DISTINCT_EXTRA_KEYS.has(name)) this.#add(key.start, this.#extraEntry(name, inInvitation ? 'high' : 'low'));
      return;
    }
    // An untraced handler object: only event names unique to Signaling count.
    if (name.startsWith('on') && isDistinctiveName(name)) {
      const entry = entryByName(name, this.#hint);
      if (entry?.kind === 'event') this.#add(key.start, { entry, confidence: 'low' }, name);
    }
  }

  #isNamedExtra(object: AstNode): boolean {
    for (const name of this.#extraNames) {
      if (this.#objectsByName.get(name)?.has(object) || this.#objectsByField.get(name)?.has(object)) return true;
    }
    return false;
  }

  #reportString(node: AstNode, parent: AstNode | undefined, ancestors: readonly AstNode[]): void {
    const value = stringValue(node);
    if (value === undefined || parent === undefined) return;
    const proxied = this.#proxyNames.get(node);
    if (proxied !== undefined) return this.#add(node.start, proxied, value);
    // Keys and member names are reported by their Property / MemberExpression; module names never.
    if ((parent.type === 'Property' && child(parent, 'key') === node) || parent.type === 'MemberExpression') return;
    if (/^(Import|Export|TSExternalModuleReference$|TSLiteralType$)/.test(parent.type)) return;
    const callName = parent.type === 'CallExpression' ? calleeName(parent) : undefined;

    const invoke = invokeEntry(value);
    if (invoke !== undefined) {
      const asInvoked = callName === 'invoke' && children(parent, 'arguments')[0] === node;
      return this.#add(node.start, { entry: invoke, confidence: asInvoked ? 'high' : 'low' }, value);
    }
    const special = entryOf('web', 'channel', value);
    if (special !== undefined) {
      const joined = callName === 'channelJoin' || callName === 'messageChannelSendForce';
      return this.#add(node.start, { entry: special, confidence: joined ? 'high' : 'low' }, value);
    }
    const attribute = entryOf('web', 'attribute', value);
    if (attribute !== undefined) {
      const set = callName === 'channelSetAttr' || callName === 'channelDelAttr' || this.#isInvokedAttributeName(parent, ancestors);
      return this.#add(node.start, { entry: attribute, confidence: set ? 'high' : 'low' });
    }
    if (value.includes(':')) this.#reportJsonExtraKeys(node, ancestors);
    if (isDistinctiveName(value)) {
      const entry = entryByName(value, this.#hint);
      this.#add(node.start, entry && { entry, confidence: 'low' }, value);
    }
  }

  /** `invoke('io.agora.signal.channel_set_attr', { channel, name: '_auto_update_num', … })`. */
  #isInvokedAttributeName(parent: AstNode, ancestors: readonly AstNode[]): boolean {
    if (parent.type !== 'Property' || keyName(child(parent, 'key'), parent.computed === true) !== 'name') return false;
    const call = ancestors[ancestors.length - 3];
    return call?.type === 'CallExpression' && calleeName(call) === 'invoke';
  }

  /** Extra keys inside JSON text, e.g. Android's `"{\"_require_peer_online\":1}"`. */
  #reportJsonExtraKeys(node: AstNode, ancestors: readonly AstNode[]): void {
    const raw = this.#source.slice(node.start, node.end);
    const inInvitation = this.#inInvitationArguments(ancestors);
    for (const match of raw.matchAll(EXTRA_KEY_IN_JSON)) {
      const name = match[1];
      if (inInvitation || DISTINCT_EXTRA_KEYS.has(name)) {
        this.#add(node.start + (match.index ?? 0) + 1, this.#extraEntry(name, inInvitation ? 'high' : 'low'));
      }
    }
  }
}
