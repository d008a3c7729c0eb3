/**
 * The reporting pass: once inference has settled, walks the program once more and adds a finding
 * for every legacy use — factory calls, members on traced (or distinctively named) receivers,
 * handler object keys and class members, and the strings the legacy service gave a meaning.
 */

import { type AstNode, child, keyName, memberName, unwrap } from './ast';
import type { FindingSet } from './FindingSet';
import { entryByName, entryOf, isDistinctiveName } from './lookup';
import type { ProgramFacts } from './ProgramFacts';
import { ReservedNameReporter } from './ReservedNameReporter';
import { handlerEntry } from './resolveMember';
import { type ValueTracer, isGlobalCreateInstance } from './ValueTracer';

export class FindingReporter {
  readonly #facts: ProgramFacts;
  readonly #values: ValueTracer;
  readonly #findings: FindingSet;
  readonly #reserved: ReservedNameReporter;

  constructor(facts: ProgramFacts, values: ValueTracer, findings: FindingSet, source: string) {
    this.#facts = facts;
    this.#values = values;
    this.#findings = findings;
    this.#reserved = new ReservedNameReporter(facts, findings, source);
  }

  /** Reports one node; `ancestors` are its enclosing nodes, outermost first. */
  visit(node: AstNode, ancestors: readonly AstNode[]): void {
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
        const role = this.#facts.classRoleOf(ancestors);
        const key = child(node, 'key');
        const name = keyName(key, node.computed === true);
        if (role !== undefined && key !== undefined && name !== undefined) this.#findings.add(key.start, handlerEntry(role, name), name);
        return;
      }
      case 'Literal':
      case 'TemplateLiteral':
        return this.#reserved.reportString(node, parent, ancestors);
    }
  }

  #reportFactoryCall(node: AstNode): void {
    const callee = unwrap(child(node, 'callee'));
    if (callee === undefined) return;
    if (isGlobalCreateInstance(callee, this.#facts)) {
      const entry = entryOf('native', 'AgoraAPI', 'createAgoraSDKInstance');
      return this.#findings.add(callee.start, entry && { entry, confidence: 'high' });
    }
    const value = this.#values.valueOf(callee);
    if (value?.kind !== 'factory') return;
    const at = callee.type === 'MemberExpression' ? (child(callee, 'property') ?? callee) : callee;
    const entry = entryOf(value.dialect, 'Signal', 'Signal');
    this.#findings.add(at.start, entry && { entry, confidence: value.confidence });
  }

  #reportMember(node: AstNode, parent: AstNode | undefined): void {
    const name = memberName(node);
    const property = child(node, 'property');
    if (name === undefined || property === undefined) return;
    const object = unwrap(child(node, 'object'));
    if (this.#reserved.reportExtraKeyMember(name, property, object)) return;
    const call = parent?.type === 'CallExpression' && child(parent, 'callee') === node ? parent : undefined;
    this.#findings.add(property.start, this.#values.resolveMember(this.#values.valueOf(object), name, call), name);
  }

  #reportProperty(node: AstNode, object: AstNode, ancestors: readonly AstNode[]): void {
    const key = child(node, 'key');
    const name = keyName(key, node.computed === true);
    if (key === undefined || name === undefined) return;
    const role = this.#facts.objectRoles.get(object);
    if (role !== undefined) {
      const resolved = handlerEntry(role, name);
      if (resolved !== undefined) return this.#findings.add(key.start, resolved, name);
    }
    if (this.#reserved.reportExtraKeyProperty(name, key, object, ancestors)) return;
    // An untraced handler object: only event names unique to Signaling count.
    if (name.startsWith('on') && isDistinctiveName(name)) {
      const entry = entryByName(name, this.#facts.survey.hint);
      if (entry?.kind === 'event') this.#findings.add(key.start, { entry, confidence: 'low' }, name);
    }
  }
}
