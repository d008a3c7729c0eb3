import type { ObjectState, ServerFrame } from './wire';

/** An object of the app's whose real counterpart lives in the server's FakeRtm. */
export interface RemoteTarget {
  readonly handle: string;
  /** An invitation under way: the server still owes the app its outcome, so the link stays open. */
  readonly underWay: boolean;
  /** An event of the server-side object, with that object's state after it. */
  receive(event: string, args: unknown[], state: ObjectState | undefined): void;
}

export type ResultFrame = Extract<ServerFrame, { t: 'result' }>;
