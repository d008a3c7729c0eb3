import { defineCommand } from '../command';

export const DEMO_COMMAND = defineCommand({
  name: 'demo',
  summary: 'Run legacy Signaling Web code for three users on the in-memory RTM.',
  usage: '[--backend fake|agora]',
  description: [
    'Runs legacy Signaling Web code (Signal(appid), property callbacks) for three users on the',
    'in-memory RTM of signaling-compat/fake and prints every call and what each callback reports.',
    '--backend agora explains what the same code needs to run on the RTM cloud; it contacts nothing.',
  ].join('\n'),
  options: {
    backend: { type: 'string', choices: ['fake', 'agora'], description: "Where the demo's RTM is (default: fake)." },
  },
  positionals: false,
  async run({ values }, io) {
    const { runDemoCommand } = await import('./runDemoCommand');
    return runDemoCommand(values.backend === 'agora' ? 'agora' : 'fake', io);
  },
});
