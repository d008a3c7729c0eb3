import fc from 'fast-check';
import { describe, it } from 'vitest';
import { COMMANDS, start } from './model/commands';

/**
 * Random sequences of login, logout (and kick by a second login), join, leave, peer and channel
 * messages, attribute updates, calls (invite, accept, refuse, end, DTMF) and connection drops by
 * three Web clients, each step checked against a simple model: statuses, channel membership and
 * user lists, attribute maps, delivered messages, call states, and every callback the step must
 * produce. Seeded, so a failure replays; fast-check prints the shrunk command sequence.
 */
const SEED = 20_240_611;
const RUNS = 1000;
const MAX_STEPS = 16;

describe('model-based: the Web dialect against a model of legacy Signaling', () => {
  it(`${RUNS} random runs of up to ${MAX_STEPS} steps across three clients`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: MAX_STEPS, size: 'max' }), (commands) =>
        fc.asyncModelRun(start, commands),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);
});
