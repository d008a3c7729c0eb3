/**
 * What inference has learnt about one program: the legacy value each variable, field, handler object
 * and app class holds, and the names that carry call extras. Fields are tracked by name alone
 * (`this.session`, `client.session`), flow- and scope-insensitively. Every new or better fact is
 * counted, so the caller can run inference to a fixpoint.
 */

import type { AstNode } from './ast';
import { child, unwrap } from './ast';
import { outranks } from './confidence';
import type { LegacyValue } from './legacyModel';
import type { Resolved } from './resolveMember';
import type { ProgramSurvey } from './surveyProgram';

export class ProgramFacts {
  readonly survey: ProgramSurvey;
  /** Variables by name. */
  readonly vars = new Map<string, LegacyValue>();
  /** Object fields and class properties by field name. */
  readonly fields = new Map<string, LegacyValue>();
  /** Local names of the legacy module's type exports (`import { Session as S }`), with the exported name. */
  readonly typeImports = new Map<string, string>();
  /** Object literals assigned to a variable name. */
  readonly objectsByName = new Map<string, Set<AstNode>>();
  /** Object literals assigned to a field name. */
  readonly objectsByField = new Map<string, Set<AstNode>>();
  /** Object literals handed over as callback objects, with the handler class they stand for. */
  readonly objectRoles = new Map<AstNode, LegacyValue>();
  /** App classes whose instances are handed over as callback objects, or that extend a callback class. */
  readonly classRoles = new Map<string, LegacyValue>();
  /** Variable and field names used in an invitation's arguments: they hold call extras. */
  readonly extraNames = new Set<string>();
  /** Event-name strings of a proxy loop (`['onLoginSuccess', …].map(…)`), with the member they stand for. */
  readonly proxyNames = new Map<AstNode, Resolved>();
  #changes = 0;

  constructor(survey: ProgramSurvey) {
    this.survey = survey;
  }

  /** Whether the program declares `name` itself (so it is not the legacy global). */
  declares(name: string): boolean {
    return this.survey.declared.has(name);
  }

  /** Starts counting changes for one inference round. */
  startRound(): void {
    this.#changes = 0;
  }

  /** Whether the last round learnt anything. */
  get changed(): boolean {
    return this.#changes > 0;
  }

  /** Records what `key` holds, unless known already as well. */
  record<K>(map: Map<K, LegacyValue>, key: K, value: LegacyValue | undefined): void {
    if (value === undefined || !outranks(value.confidence, map.get(key)?.confidence)) return;
    map.set(key, value);
    this.#changes++;
  }

  /** Remembers an object literal assigned to a name, so a later use of the name can give it a role. */
  rememberObject(index: Map<string, Set<AstNode>>, key: string, value: AstNode | undefined): void {
    const object = unwrap(value);
    if (object?.type !== 'ObjectExpression') return;
    const set = index.get(key) ?? new Set<AstNode>();
    if (!set.has(object)) {
      set.add(object);
      index.set(key, set);
      this.#changes++;
    }
  }

  recordProxyName(element: AstNode, resolved: Resolved): void {
    if (this.proxyNames.has(element)) return;
    this.proxyNames.set(element, resolved);
    this.#changes++;
  }

  /** The role of the class a member definition belongs to (MethodDefinition / PropertyDefinition → ClassBody → Class). */
  classRoleOf(ancestors: readonly AstNode[]): LegacyValue | undefined {
    const owner = ancestors[ancestors.length - 2];
    const name = owner && (child(owner, 'id')?.name as string | undefined);
    return name === undefined ? undefined : this.classRoles.get(name);
  }
}
