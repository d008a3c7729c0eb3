/**
 * Known differences between FakeRtm2 and the real agora-rtm-sdk 2.3.0 bundle, one entry per probe
 * id with the reason. A listed probe that starts to agree fails until its entry is removed.
 */
export const EXPECTED_DIFFERENCES: Readonly<Record<string, string>> = {
  'connected.client.renewToken channelName':
    'A stream-channel renewToken fails in 2.3.0 with its internal RtmInternalError ("Cannot get illegal sid."), whose class is a ' +
    'minified identifier (`ke`); FakeRtm2 rejects with an Error of the same name and message, but its class cannot be that identifier.',
};
