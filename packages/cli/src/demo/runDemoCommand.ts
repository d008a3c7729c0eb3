import type { CliIo } from '../io';
import { untilStopped } from '../untilStopped';
import { agoraBackendGuide } from './agoraBackendGuide';
import { runLegacyWebDemo } from './runLegacyWebDemo';
import { runWebDemo } from './runWebDemo';

export type DemoMode = 'fake' | 'rtm2' | 'agora' | 'web';

/**
 * `signaling-compat-cli demo [--backend fake|rtm2|agora] | --web`: `rtm2` runs the same demo on the
 * in-memory Signaling 2.x.
 */
export async function runDemoCommand(mode: DemoMode, io: CliIo, stopped = untilStopped): Promise<number> {
  if (mode === 'web') {
    await runWebDemo((line) => io.stdout(`${line}\n`), stopped);
    return 0;
  }
  if (mode === 'agora') {
    io.stdout(agoraBackendGuide(io.env.AGORA_APP_ID));
    return 0;
  }
  await runLegacyWebDemo((line) => io.stdout(`${line}\n`), mode);
  return 0;
}
