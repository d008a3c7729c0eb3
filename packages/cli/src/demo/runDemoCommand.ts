import type { CliIo } from '../io';
import { untilStopped } from '../untilStopped';
import { agoraBackendGuide } from './agoraBackendGuide';
import { runLegacyWebDemo } from './runLegacyWebDemo';
import { runWebDemo } from './runWebDemo';

const BACKENDS = ['fake', 'agora'] as const;
type Backend = (typeof BACKENDS)[number];

/** `signaling-compat demo [--backend fake|agora] | --web` */
export async function runDemoCommand(args: string[], io: CliIo, stopped = untilStopped): Promise<number> {
  if (args.length === 1 && args[0] === '--web') {
    await runWebDemo((line) => io.stdout(`${line}\n`), stopped);
    return 0;
  }
  const backend = parseBackend(args);
  if (!backend) {
    io.stderr(`Usage: signaling-compat demo [--backend ${BACKENDS.join('|')}] | --web\n`);
    return 1;
  }
  if (backend === 'agora') {
    io.stdout(agoraBackendGuide(io.env.AGORA_APP_ID));
    return 0;
  }
  await runLegacyWebDemo((line) => io.stdout(`${line}\n`));
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
