import { defineCommand, UsageError } from '../command';

export const DEMO_COMMAND = defineCommand({
  name: 'demo',
  summary: 'Run legacy Signaling Web code for three users on the in-memory RTM.',
  usage: '[--backend fake|rtm2|agora] | --web',
  description: [
    'Runs legacy Signaling Web code (Signal(appid), property callbacks) for three users on the',
    'in-memory RTM of signaling-compat/fake and prints every call and what each callback reports.',
    '--backend rtm2 runs the same code on the in-memory Signaling 2.x (FakeRtm2, through fromRtm2);',
    '--backend agora explains what the same code needs to run on the RTM cloud; it contacts nothing.',
    '--web serves a legacy Web page for two browser windows (two users) on one fake RTM server',
    'and runs until stopped (Ctrl-C).',
  ].join('\n'),
  options: {
    backend: { type: 'string', choices: ['fake', 'rtm2', 'agora'], description: "Where the demo's RTM is (default: fake)." },
    web: { type: 'boolean', description: 'Serve the two-window legacy page on a fake RTM server.' },
  },
  positionals: false,
  async run({ values }, io) {
    if (values.web && values.backend !== undefined) throw new UsageError('--web and --backend do not go together');
    const { runDemoCommand } = await import('./runDemoCommand');
    return runDemoCommand(values.web ? 'web' : ((values.backend ?? 'fake') as 'fake' | 'rtm2' | 'agora'), io);
  },
});
