/**
 * A uuid v4, as the SDK makes for `processId` and invitation `callId`s. `crypto.randomUUID` where
 * the host has it; otherwise (an old browser, a bare script context) Math.random, which is enough
 * for IDs that only need to be distinct within one page.
 */
export function uuidV4(): string {
  const random = globalThis.crypto?.randomUUID;
  if (typeof random === 'function') return random.call(globalThis.crypto);
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}
