import { expect, test } from 'vitest';
import { serverWithChildren } from './serverWithChildren';

const WORKERS = 4;
const CLIENTS_PER_WORKER = 50;
const MESSAGES_PER_CLIENT = 100;

const server = serverWithChildren();

test('200 clients over 4 processes exchange 20,000 messages: none lost or duplicated, per-sender order kept', async () => {
  const workers = Array.from({ length: WORKERS }, (_, i) =>
    server.spawn('loadWorker.ts', [String(i), String(WORKERS), String(CLIENTS_PER_WORKER), String(MESSAGES_PER_CLIENT)]),
  );
  await Promise.all(workers.map((worker) => worker.line('ready')));
  for (const worker of workers) worker.send('go');
  const reports = await Promise.all(workers.map(async (worker) => JSON.parse(await worker.line('{')) as Record<string, number>));
  const sum = (key: string) => reports.reduce((total, report) => total + report[key], 0);
  expect({
    sent: sum('sent'),
    received: sum('received'),
    undelivered: sum('undelivered'),
    duplicates: sum('duplicates'),
    outOfOrder: sum('outOfOrder'),
    missing: sum('missing'),
  }).toEqual({ sent: 20_000, received: 20_000, undelivered: 0, duplicates: 0, outOfOrder: 0, missing: 0 });
  expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0, 0, 0]);
  expect(workers.map((worker) => worker.stderr).join('')).toBe('');
}, 120_000);
