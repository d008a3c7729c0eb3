/**
 * Findings for the names the legacy service, not the SDK, gave a meaning: call `extra` keys, special
 * channels, built-in channel attributes and `invoke` function names. Each counts as `high` where the
 * legacy SDK reads it (an invitation's extra, `channelJoin`'s channel, `invoke`'s first argument) and
 * as `low` elsewhere, where only names specific enough are reported.
 */

import { type AstNode, calleeName, child, children, keyName, memberName, stringValue } from './ast';
import { confidenceWhere } from './confidence';
import type { FindingSet } from './FindingSet';
import {
  DISTINCT_EXTRA_KEYS,
  EXTRA_KEYS,
  builtInAttributeEntry,
  entryByName,
  extraKeyEntry,
  invokeEntry,
  isDistinctiveName,
  specialChannelEntry,
} from './lookup';
import type { ProgramFacts } from './ProgramFacts';

/** An extra key inside JSON text: `"_timeout"`, or `\"_timeout\"` in a source string. */
const EXTRA_KEY_IN_JSON = new RegExp(`["'](${[...EXTRA_KEYS].join('|')})\\\\?["']`, 'g');

/** Module names and type-level strings never name a legacy member. */
const NEVER_A_MEMBER = /^(Import|Export|TSExternalModuleReference$|TSLiteralType$)/;

export class ReservedNameReporter {
  readonly #facts: ProgramFacts;
  readonly #findings: FindingSet;
  readonly #source: string;

  /** `source` is the text the program was parsed from (for raw string contents). */
  constructor(facts: ProgramFacts, findings: FindingSet, source: string) {
    this.#facts = facts;
    this.#findings = findings;
    this.#source = source;
  }

  /** `extra._require_peer_online = 1` / `extra['_timeout'] = 20`; whether `name` is an extra key. */
  reportExtraKeyMember(name: string, property: AstNode, object: AstNode | undefined): boolean {
    if (!EXTRA_KEYS.has(name)) return false;
    const holder = object?.type === 'Identifier' ? (object.name as string) : object?.type === 'MemberExpression' ? memberName(object) : undefined;
    this.#addExtraKey(property.start, name, holder !== undefined && this.#facts.extraNames.has(holder));
    return true;
  }

  /** `{ _require_peer_online: 1 }`; whether `name` is an extra key. */
  reportExtraKeyProperty(name: string, key: AstNode, object: AstNode, ancestors: readonly AstNode[]): boolean {
    if (!EXTRA_KEYS.has(name)) return false;
    this.#addExtraKey(key.start, name, inInvitationArguments(ancestors) || this.#isNamedExtra(object));
    return true;
  }

  reportString(node: AstNode, parent: AstNode | undefined, ancestors: readonly AstNode[]): void {
    const value = stringValue(node);
    if (value === undefined || parent === undefined) return;
    const proxied = this.#facts.proxyNames.get(node);
    if (proxied !== undefined) return this.#findings.add(node.start, proxied, value);
    // Keys and member names are reported by their Property / MemberExpression; module names never.
    if ((parent.type === 'Property' && child(parent, 'key') === node) || parent.type === 'MemberExpression') return;
    if (NEVER_A_MEMBER.test(parent.type)) return;
    const callName = parent.type === 'CallExpression' ? calleeName(parent) : undefined;

    const invoke = invokeEntry(value);
    if (invoke !== undefined) {
      const asInvoked = callName === 'invoke' && children(parent, 'arguments')[0] === node;
      return this.#findings.add(node.start, { entry: invoke, confidence: confidenceWhere(asInvoked) }, value);
    }
    const special = specialChannelEntry(value);
    if (special !== undefined) {
      const joined = callName === 'channelJoin' || callName === 'messageChannelSendForce';
      return this.#findings.add(node.start, { entry: special, confidence: confidenceWhere(joined) }, value);
    }
    const attribute = builtInAttributeEntry(value);
    if (attribute !== undefined) {
      const set = callName === 'channelSetAttr' || callName === 'channelDelAttr' || isInvokedAttributeName(parent, ancestors);
      return this.#findings.add(node.start, { entry: attribute, confidence: confidenceWhere(set) });
    }
    if (value.includes(':')) this.#reportJsonExtraKeys(node, ancestors);
    if (isDistinctiveName(value)) {
      const entry = entryByName(value, this.#facts.survey.hint);
      this.#findings.add(node.start, entry && { entry, confidence: 'low' }, value);
    }
  }

  /** Extra keys inside JSON text, e.g. Android's `"{\"_require_peer_online\":1}"`. */
  #reportJsonExtraKeys(node: AstNode, ancestors: readonly AstNode[]): void {
    const raw = this.#source.slice(node.start, node.end);
    const inInvitation = inInvitationArguments(ancestors);
    for (const match of raw.matchAll(EXTRA_KEY_IN_JSON)) {
      this.#addExtraKey(node.start + (match.index ?? 0) + 1, match[1], inInvitation);
    }
  }

  /** An extra key counts inside an invitation; elsewhere only a key specific enough, at `low`. */
  #addExtraKey(offset: number, name: string, inInvitation: boolean): void {
    if (!inInvitation && !DISTINCT_EXTRA_KEYS.has(name)) return;
    const entry = extraKeyEntry(name);
    this.#findings.add(offset, entry && { entry, confidence: confidenceWhere(inInvitation) });
  }

  /** Whether an object literal was assigned to a name used in an invitation's arguments. */
  #isNamedExtra(object: AstNode): boolean {
    for (const name of this.#facts.extraNames) {
      if (this.#facts.objectsByName.get(name)?.has(object) || this.#facts.objectsByField.get(name)?.has(object)) return true;
    }
    return false;
  }
}

function inInvitationArguments(ancestors: readonly AstNode[]): boolean {
  return ancestors.some((ancestor) => ancestor.type === 'CallExpression' && calleeName(ancestor)?.startsWith('channelInvite') === true);
}

/** `invoke('io.agora.signal.channel_set_attr', { channel, name: '_auto_update_num', … })`. */
function isInvokedAttributeName(parent: AstNode, ancestors: readonly AstNode[]): boolean {
  if (parent.type !== 'Property' || keyName(child(parent, 'key'), parent.computed === true) !== 'name') return false;
  const call = ancestors[ancestors.length - 3];
  return call?.type === 'CallExpression' && calleeName(call) === 'invoke';
}
