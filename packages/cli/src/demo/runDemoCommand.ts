import type { CliIo } from '../io';
import { agoraBackendGuide } from './agoraBackendGuide';
import { runLegacyWebDemo } from './runLegacyWebDemo';

const BACKENDS = ['fake', 'rtm2', 'agora'] as const;
type Backend = (typeof BACKENDS)[number];

/** `signaling-compat demo [--backend fake|rtm2|agora]`: `rtm2` runs the same demo on the in-memory Signaling 2.x. */
export async function runDemoCommand(args: string[], io: CliIo): Promise<number> {
  const backend = parseBackend(args);
  if (!backend) {
    io.stderr(`Usage: signaling-compat demo [--backend ${BACKENDS.join('|')}]\n`);
    return 1;
  }
  if (backend === 'agora') {
    io.stdout(agoraBackendGuide(io.env.AGORA_APP_ID));
    return 0;
  }
  await runLegacyWebDemo((line) => io.stdout(`${line}\n`), backend);
  return 0;
}

function parseBackend(args: string[]): Backend | undefined {
  let value: string = 'fake';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--backend') value = args[++i] ?? '';
    else if (arg.startsWith('--backend=')) value = arg.slice('--backend='.length);
    else return undefined;
  }
  return (BACKENDS as readonly string[]).includes(value) ? (value as Backend) : undefined;
}
