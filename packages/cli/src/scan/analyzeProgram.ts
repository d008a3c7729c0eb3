/**
 * Finds the legacy Signaling uses in one parsed program.
 *
 * Data flow is traced within the file, flow- and scope-insensitively: variables, object fields
 * (`this.session`, `client.channel`, by field name), destructuring, handler parameters
 * (`onInviteReceived(call)`, server callbacks' `(session, channel)`), emitter proxies
 * (`emitter.on('onInviteReceived', call => …)`) and handler objects handed to `login`,
 * `channelJoin`, `callbackSet`, …, as the mapping table's object-flow columns describe them.
 * Inference runs to a fixpoint first; reporting walks once more.
 */

import { type AstNode, walk } from './ast';
import { FactInference } from './FactInference';
import { FindingReporter } from './FindingReporter';
import { FindingSet, type RawFinding } from './FindingSet';
import { ProgramFacts } from './ProgramFacts';
import { surveyProgram } from './surveyProgram';
import { ValueTracer } from './ValueTracer';

export type { RawFinding } from './FindingSet';

/** Enough for the chains real code builds (factory → session → channel → handler → parameter). */
const MAX_INFERENCE_ROUNDS = 8;

/** Analyses one program; `source` is the text it was parsed from (for raw string contents). */
export function analyzeProgram(program: AstNode, source: string): RawFinding[] {
  const facts = new ProgramFacts(surveyProgram(program));
  const values = new ValueTracer(facts);
  const inference = new FactInference(facts, values);
  for (let round = 0; round < MAX_INFERENCE_ROUNDS; round++) {
    facts.startRound();
    walk(program, (node, ancestors) => inference.visit(node, ancestors));
    if (!facts.changed) break;
  }
  const findings = new FindingSet();
  const reporter = new FindingReporter(facts, values, findings, source);
  walk(program, (node, ancestors) => reporter.visit(node, ancestors));
  return findings.sorted();
}
