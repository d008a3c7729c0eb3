import type { CliIo } from '../io';
import { untilStopped } from '../untilStopped';
import { agoraBackendGuide } from './agoraBackendGuide';
import { runLegacyWebDemo } from './runLegacyWebDemo';
import { runWebDemo } from './runWebDemo';

export type DemoMode = 'fake' | 'agora' | 'web';

/** `signaling-compat-cli demo [--backend fake|agora] | --web` */
export async function runDemoCommand(mode: DemoMode, io: CliIo, stopped = untilStopped): Promise<number> {
  if (mode === 'web') {
    await runWebDemo((line) => io.stdout(`${line}\n`), stopped);
    return 0;
  }
  if (mode === 'agora') {
    io.stdout(agoraBackendGuide(io.env.AGORA_APP_ID));
    return 0;
  }
  await runLegacyWebDemo((line) => io.stdout(`${line}\n`));
  return 0;
}
