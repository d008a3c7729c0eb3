/**
 * Handlers and callback objects: which object literals and app classes are handed over as callback
 * objects, and which handler parameters then hold legacy objects (`onInviteReceived(call)`, a server
 * callback's `(session, channel)`), including handlers wired through emitters and proxy loops.
 */

import { type AstNode, child, children, isFunction, memberName, parameterNames, stringValue, unwrap, walk } from './ast';
import type { LegacyValue } from './legacyModel';
import { entryByName } from './lookup';
import type { ProgramFacts } from './ProgramFacts';
import type { Resolved } from './resolveMember';
import type { ValueTracer } from './ValueTracer';

export class HandlerInference {
  readonly #facts: ProgramFacts;
  readonly #values: ValueTracer;

  constructor(facts: ProgramFacts, values: ValueTracer) {
    this.#facts = facts;
    this.#values = values;
  }

  /** Gives the callback object `arg` (a literal, a name holding one, or an app class instance) its role. */
  assignRole(arg: AstNode, role: LegacyValue): void {
    const facts = this.#facts;
    const value = unwrap(arg);
    if (value === undefined) return;
    if (value.type === 'ObjectExpression') return facts.record(facts.objectRoles, value, role);
    if (value.type === 'Identifier') {
      for (const object of facts.objectsByName.get(value.name as string) ?? []) facts.record(facts.objectRoles, object, role);
    } else if (value.type === 'MemberExpression') {
      const field = memberName(value);
      for (const object of (field && facts.objectsByField.get(field)) || []) facts.record(facts.objectRoles, object, role);
    }
    const instance = this.#values.valueOf(value);
    if (instance?.kind === 'localClass') facts.record(facts.classRoles, instance.owner, role);
  }

  /** Records the legacy objects among the parameters of `handler`, the function handling `resolved`. */
  typeParameters(handler: AstNode, resolved: Resolved): void {
    const { entry, confidence } = resolved;
    const owners = entry.objectParameters ?? [];
    parameterNames(handler).forEach((name, index) => {
      const owner = owners[index];
      if (name !== undefined && owner !== undefined) {
        this.#facts.record(this.#facts.vars, name, { kind: 'instance', dialect: entry.dialect, owner, confidence });
      }
    });
  }

  /** `emitter.on('onInviteReceived', (call) => …)`: a proxy of a legacy event, matched by name. */
  emitterHandler(args: readonly AstNode[]): void {
    const event = stringValue(args[0]);
    const handler = unwrap(args[1]);
    if (event === undefined || !isFunction(handler)) return;
    const entry = entryByName(event, this.#facts.survey.hint);
    if (entry?.kind === 'event') this.typeParameters(handler, { entry, confidence: 'low' });
  }

  /**
   * `['onLoginSuccess', …].map((event) => (session[event] = …))`: the wrapper pattern of
   * `docs/reference/legacy-usage.md` §2.2 assigns every listed handler through a computed member.
   */
  proxyLoop(callee: AstNode, args: readonly AstNode[]): void {
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
    const target = assigned.map((left) => this.#values.valueOf(child(left, 'object'))).find((value) => value?.kind === 'instance');
    if (target === undefined) return;
    for (const element of children(list, 'elements')) {
      const name = stringValue(element);
      const resolved = name === undefined ? undefined : this.#values.resolveMember(target, name, undefined);
      if (resolved !== undefined) this.#facts.recordProxyName(element, resolved);
    }
  }
}
