import type { RtmClientLike } from '../../src/rtm/types';
import type { ContractEnv } from './env';

/** The observable parts of an RTM error. */
export interface ErrorShape {
  name: string;
  code: unknown;
  message: string;
}

function shapeOf(error: unknown): ErrorShape {
  const { name, code, message } = error as { name: string; code?: unknown; message: string };
  return { name, code, message };
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<ErrorShape> {
  try {
    await promise;
  } catch (error) {
    return shapeOf(error);
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** The error a synchronous call throws; fails the test if it returns. */
export function thrown(call: () => unknown): ErrorShape {
  try {
    call();
  } catch (error) {
    return shapeOf(error);
  }
  throw new Error('expected a synchronous throw, but the call returned');
}

/** `{name, code}` of an error, for table assertions. */
export const nameAndCode = ({ name, code }: ErrorShape): [string, unknown] => [name, code];

/**
 * Records events and marks in order, so a test can compare the whole sequence. With a clock,
 * `timed` entries carry the milliseconds since the transcript started.
 */
export class Transcript {
  readonly entries: unknown[][] = [];
  readonly #now: (() => number) | undefined;
  readonly #start: number;

  constructor(now?: () => number) {
    this.#now = now;
    this.#start = now?.() ?? 0;
  }

  /** A listener that records `[label, ...args]`. */
  on(label: string): (...args: unknown[]) => void {
    return (...args) => this.entries.push([label, ...args]);
  }

  /** A listener that records `[label, ...args, '@<ms since start>']`. */
  timed(label: string): (...args: unknown[]) => void {
    return (...args) => this.entries.push([label, ...args, `@${this.elapsed()}`]);
  }

  mark(label: string, ...args: unknown[]): void {
    this.entries.push([label, ...args]);
  }

  elapsed(): number {
    return (this.#now?.() ?? 0) - this.#start;
  }

  /** The entries so far, and forget them. */
  take(): unknown[][] {
    return this.entries.splice(0);
  }
}

/** A client of the env, logged in as `uid`. */
export async function loggedIn(env: ContractEnv, uid: string): Promise<RtmClientLike> {
  const client = env.createClient();
  await client.login({ uid });
  return client;
}

/** UTF-8 text of exactly `bytes` bytes. */
export const textOfBytes = (bytes: number): string => 'x'.repeat(bytes);
