/**
 * One inference round over a program: records what variables, fields, handler objects and app
 * classes hold (`ProgramFacts`), following assignments, destructuring, imports, class members and the
 * calls that create legacy objects or take callback objects. Rounds repeat until nothing new is learnt.
 */

import { type AstNode, calleeName, child, children, isFunction, keyName, memberName, stringValue, typeName, unwrap, walk } from './ast';
import { HandlerInference } from './HandlerInference';
import { ANNOTATION_TYPES, EMITTER_METHODS, HANDLER_CLASSES, isLegacyModule } from './legacyModel';
import type { ProgramFacts } from './ProgramFacts';
import { handlerEntry } from './resolveMember';
import type { ValueTracer } from './ValueTracer';

export class FactInference {
  readonly #facts: ProgramFacts;
  readonly #values: ValueTracer;
  readonly #handlers: HandlerInference;

  constructor(facts: ProgramFacts, values: ValueTracer) {
    this.#facts = facts;
    this.#values = values;
    this.#handlers = new HandlerInference(facts, values);
  }

  /** Learns from one node; `ancestors` are its enclosing nodes, outermost first. */
  visit(node: AstNode, ancestors: readonly AstNode[]): void {
    const facts = this.#facts;
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
        facts.record(facts.fields, name, this.#values.valueOf(child(node, 'value')) ?? this.#values.annotated(node));
        facts.rememberObject(facts.objectsByField, name, child(node, 'value'));
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
        const annotated = this.#values.annotated(node);
        if (annotated !== undefined) facts.record(facts.vars, node.name as string, annotated);
        return;
      }
    }
  }

  #inferImport(node: AstNode): void {
    const specifier = stringValue(child(node, 'source'));
    if (specifier === undefined || !isLegacyModule(specifier)) return;
    const facts = this.#facts;
    for (const spec of children(node, 'specifiers')) {
      const local = child(spec, 'local')?.name as string | undefined;
      if (local === undefined) continue;
      if (spec.type === 'ImportSpecifier') {
        const imported = keyName(child(spec, 'imported'), false) ?? local;
        facts.record(facts.vars, local, this.#values.namedExport(imported));
        if (imported in ANNOTATION_TYPES) facts.typeImports.set(local, imported);
      } else {
        facts.record(facts.vars, local, this.#values.factory());
      }
    }
  }

  #inferDeclarator(node: AstNode): void {
    const facts = this.#facts;
    const id = child(node, 'id');
    const init = child(node, 'init');
    if (id?.type === 'Identifier') {
      const name = id.name as string;
      facts.record(facts.vars, name, this.#values.valueOf(init));
      facts.rememberObject(facts.objectsByName, name, init);
    } else if (id?.type === 'ObjectPattern') {
      const from = this.#values.valueOf(init);
      const fromModule = this.#values.isLegacyRequire(init) || from?.kind === 'factory';
      for (const property of children(id, 'properties')) {
        const key = keyName(child(property, 'key'), property.computed === true);
        let target = child(property, 'value');
        if (target?.type === 'AssignmentPattern') target = child(target, 'left');
        if (key === undefined || target?.type !== 'Identifier') continue;
        facts.record(facts.vars, target.name as string, fromModule ? this.#values.namedExport(key) : facts.fields.get(key));
      }
    }
  }

  #inferAssignment(node: AstNode): void {
    const facts = this.#facts;
    const left = unwrap(child(node, 'left'));
    const right = child(node, 'right');
    if (left?.type === 'Identifier') {
      facts.record(facts.vars, left.name as string, this.#values.valueOf(right));
      facts.rememberObject(facts.objectsByName, left.name as string, right);
      return;
    }
    if (left?.type !== 'MemberExpression') return;
    const name = memberName(left);
    if (name === undefined) return;
    facts.record(facts.fields, name, this.#values.valueOf(right));
    facts.rememberObject(facts.objectsByField, name, right);
    // `session.onInviteReceived = (call) => …`: the handler's parameters are legacy objects.
    const handler = unwrap(right);
    if (isFunction(handler)) {
      const resolved = this.#values.resolveMember(this.#values.valueOf(child(left, 'object')), name, undefined);
      if (resolved !== undefined) this.#handlers.typeParameters(handler, resolved);
    }
  }

  #inferProperty(node: AstNode, ancestors: readonly AstNode[]): void {
    const facts = this.#facts;
    const object = ancestors[ancestors.length - 1];
    if (object?.type !== 'ObjectExpression') return;
    const name = keyName(child(node, 'key'), node.computed === true);
    if (name === undefined) return;
    const value = child(node, 'value');
    facts.record(facts.fields, name, this.#values.valueOf(value));
    facts.rememberObject(facts.objectsByField, name, value);
    const role = facts.objectRoles.get(object);
    const handler = unwrap(value);
    if (role !== undefined && isFunction(handler)) {
      const resolved = handlerEntry(role, name);
      if (resolved !== undefined) this.#handlers.typeParameters(handler, resolved);
    }
  }

  #inferClass(node: AstNode): void {
    const facts = this.#facts;
    const name = child(node, 'id')?.name as string | undefined;
    if (name === undefined) return;
    const base = this.#values.valueOf(child(node, 'superClass'));
    if (base?.kind === 'callbackClass') facts.record(facts.classRoles, name, { ...base, kind: 'instance' });
    for (const implemented of children(node, 'implements')) {
      const handler = HANDLER_CLASSES[typeName(child(implemented, 'expression')) ?? ''];
      if (handler !== undefined) facts.record(facts.classRoles, name, { kind: 'instance', ...handler, confidence: 'high' });
    }
  }

  #inferClassMember(node: AstNode, ancestors: readonly AstNode[]): void {
    const role = this.#facts.classRoleOf(ancestors);
    const name = keyName(child(node, 'key'), node.computed === true);
    const handler = unwrap(child(node, 'value'));
    if (role === undefined || name === undefined || !isFunction(handler)) return;
    const resolved = handlerEntry(role, name);
    if (resolved !== undefined) this.#handlers.typeParameters(handler, resolved);
  }

  #inferCall(node: AstNode): void {
    const callee = unwrap(child(node, 'callee'));
    const args = children(node, 'arguments');
    const name = calleeName(node);
    if (name?.startsWith('channelInvite')) this.#collectExtraNames(args);
    if (callee?.type !== 'MemberExpression' || name === undefined) return;
    if (EMITTER_METHODS.has(name)) this.#handlers.emitterHandler(args);
    if (name === 'map' || name === 'forEach') this.#handlers.proxyLoop(callee, args);
    const resolved = this.#values.resolveMember(this.#values.valueOf(child(callee, 'object')), name, node);
    const handlerOwner = resolved?.entry.callbackArgument;
    const last = args[args.length - 1];
    if (resolved !== undefined && handlerOwner !== undefined && last !== undefined) {
      this.#handlers.assignRole(last, { kind: 'instance', dialect: resolved.entry.dialect, owner: handlerOwner, confidence: resolved.confidence });
    }
  }

  /** Names used in an invitation's arguments (`JSON.stringify(extra)`) hold call extras. */
  #collectExtraNames(args: readonly AstNode[]): void {
    for (const arg of args) {
      walk(arg, (inner) => {
        if (inner.type === 'Identifier') this.#facts.extraNames.add(inner.name as string);
        if (inner.type === 'MemberExpression') {
          const field = memberName(inner);
          if (field !== undefined) this.#facts.extraNames.add(field);
        }
      });
    }
  }
}
