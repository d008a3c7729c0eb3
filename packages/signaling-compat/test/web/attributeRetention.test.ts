import v8 from 'node:v8';
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { world } from '../support/harness';

// An RTM 1.x client (on either backend) that writes
// and then deletes an attribute on each channel it visits keeps nothing per channel once it left.
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
const gc = collector();

async function heapAfterGc(): Promise<number> {
  for (let turn = 0; turn < 6; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

it('5,000 channels joined, given an attribute that is deleted again, and left: no per-channel state stays (bytes per channel < 80)', async () => {
  const w = world();
  const alice = await w.rtmClient('alice');
  const visit = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = `room${i}`;
      const channel = alice.createChannel(id);
      await channel.join();
      await alice.addOrUpdateChannelAttributes(id, { k: 'v' });
      await alice.deleteChannelAttributesByKeys(id, ['k']);
      await channel.leave();
      await w.advance(100);
    }
  };
  await visit(0, 500);
  await w.advance(10_000);
  const before = await heapAfterGc();
  await visit(500, 5500);
  await w.advance(10_000);
  const after = await heapAfterGc();
  expect((after - before) / 5000).toBeLessThan(80);
});
