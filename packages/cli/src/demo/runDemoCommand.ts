import type { CliIo } from '../io';
import { agoraBackendGuide } from './agoraBackendGuide';
import { runLegacyWebDemo } from './runLegacyWebDemo';

/** `signaling-compat-cli demo [--backend fake|agora]` */
export async function runDemoCommand(backend: 'fake' | 'agora', io: CliIo): Promise<number> {
  if (backend === 'agora') {
    io.stdout(agoraBackendGuide(io.env.AGORA_APP_ID));
    return 0;
  }
  await runLegacyWebDemo((line) => io.stdout(`${line}\n`));
  return 0;
}
