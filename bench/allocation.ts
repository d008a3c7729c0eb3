/**
 * Bytes a path allocates per message, from V8's sampling heap profiler with collected objects
 * counted too: what each message costs the collector, independent of how busy the machine is,
 * which the throughput figures are not.
 */
import { Session } from 'node:inspector/promises';

/** One sampled allocation site and the sites it called. */
interface ProfileNode {
  selfSize: number;
  children: ProfileNode[];
}

/** A sample every 128 bytes on average: over tens of thousands of messages, a few bytes' error. */
const SAMPLING_INTERVAL = 128;

/**
 * Runs `batch` (which sends `messagesPerBatch` and waits for all of them) `batches` times, each
 * after `between` (moving the clock past the rate window), and returns the bytes allocated per
 * message, `between` included.
 */
export async function bytesPerMessage(
  batch: () => Promise<void>,
  between: () => Promise<void>,
  messagesPerBatch: number,
  batches: number,
): Promise<number> {
  const session = new Session();
  session.connect();
  try {
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: SAMPLING_INTERVAL,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    for (let i = 0; i < batches; i++) {
      await between();
      await batch();
    }
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
    return Math.round(totalSize(profile.head) / (messagesPerBatch * batches));
  } finally {
    session.disconnect();
  }
}

function totalSize(head: ProfileNode): number {
  let total = 0;
  const pending = [head];
  for (let node = pending.pop(); node; node = pending.pop()) {
    total += node.selfSize;
    pending.push(...node.children);
  }
  return total;
}
