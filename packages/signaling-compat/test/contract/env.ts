import type { RtmClientLike, RtmNamespaceLike } from '../../src/rtm/types';
import type { Backend } from './expectations';

/** What a backend can do beyond RTM itself; cases needing more are skipped on it. */
export interface ContractCapabilities {
  /** Time can be moved by hand (`advance`), so timer cases run and assert exact times. */
  controllableClock: boolean;
  /** The network/server controls of `controls` exist (FakeRtm only). */
  controls: boolean;
}

/** Server-side events only a fake can stage (`FakeRtm`'s test controls). */
export interface ContractControls {
  disconnect(uid: string): void;
  reconnect(uid: string): void;
  kick(uid: string, reason?: 'REMOTE_LOGIN' | 'BANNED_BY_SERVER'): void;
  expireToken(uid: string, phase?: 'warn' | 'expire'): void;
}

/** One test's view of the backend under contract. */
export interface ContractEnv {
  backend: Backend;
  rtm: RtmNamespaceLike;
  appId: string;
  createClient(): RtmClientLike;
  /** A user or channel ID no other test uses (so runs against a shared cloud do not collide). */
  id(label: string): string;
  /** Lets every delivery and event due now happen. */
  flush(): Promise<void>;
  /** Moves time forward, running what falls due; only with `controllableClock`. */
  advance(ms: number): Promise<void>;
  /** Milliseconds on the backend's clock. */
  now(): number;
  /** Only with `controls`. */
  controls: ContractControls;
  /** Ends every session the test opened. */
  cleanup(): Promise<void>;
}

export interface ContractBackend {
  name: string;
  capabilities: ContractCapabilities;
  makeEnv(): Promise<ContractEnv> | ContractEnv;
  /** Cases (by test name) that fail on this backend by design, each with its reason; they must keep failing. */
  knownFailures?: Readonly<Record<string, string>>;
}

/** The env of the running test (set by `defineRtmContract`'s beforeEach). */
export type EnvRef = () => ContractEnv;
