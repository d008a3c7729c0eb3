import { describe, expect, it } from 'vitest';
import type { LocalInvitationLike, RemoteInvitationLike, RtmClientLike } from '../../../src/rtm/types';
import type { ContractCapabilities, EnvRef } from '../env';
import { loggedIn, nameAndCode, thrown, Transcript } from '../testKit';

/** Records every event of a local invitation under `label`. */
function watchLocal(invitation: LocalInvitationLike, t: Transcript, label: string): LocalInvitationLike {
  return invitation
    .on('LocalInvitationReceivedByPeer', t.timed(`${label}: LocalInvitationReceivedByPeer`))
    .on('LocalInvitationAccepted', t.timed(`${label}: LocalInvitationAccepted`))
    .on('LocalInvitationRefused', t.timed(`${label}: LocalInvitationRefused`))
    .on('LocalInvitationCanceled', t.timed(`${label}: LocalInvitationCanceled`))
    .on('LocalInvitationFailure', t.timed(`${label}: LocalInvitationFailure`));
}

function watchRemote(invitation: RemoteInvitationLike, t: Transcript, label: string): RemoteInvitationLike {
  return invitation
    .on('RemoteInvitationAccepted', t.timed(`${label}: RemoteInvitationAccepted`))
    .on('RemoteInvitationRefused', t.timed(`${label}: RemoteInvitationRefused`))
    .on('RemoteInvitationCanceled', t.timed(`${label}: RemoteInvitationCanceled`))
    .on('RemoteInvitationFailure', t.timed(`${label}: RemoteInvitationFailure`));
}

/** Collects the callee's incoming invitations, each watched under `label`. */
function inbox(callee: RtmClientLike, t: Transcript, label: string): RemoteInvitationLike[] {
  const received: RemoteInvitationLike[] = [];
  callee.on('RemoteInvitationReceived', (invitation) => {
    t.timed(`${label}: RemoteInvitationReceived`)(invitation.callerId, invitation.channelId, invitation.content);
    received.push(watchRemote(invitation, t, label));
  });
  return received;
}

/** docs/reference/rtm1-web-sdk.md §1.4, §1.5, §2.4, §4.7, §4.8. */
export function invitationCases(env: EnvRef, caps: ContractCapabilities): void {
  describe('invitations', () => {
    it('send → received by peer → refuse: refuse() emits synchronously; the response reaches the caller', async () => {
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript(env().now);
      const received = inbox(bob, t, 'bob');
      const call = watchLocal(alice.createLocalInvitation(bobId), t, 'alice');
      call.content = 'join me';
      call.channelId = env().id('room');
      call.send();
      t.mark('sent', call.state);
      await env().flush();
      const [incoming] = received;
      incoming.response = 'busy';
      incoming.refuse();
      t.mark('refused', incoming.state);
      await env().flush();
      expect(t.entries).toEqual([
        ['sent', 'SENT_TO_REMOTE'],
        ['bob: RemoteInvitationReceived', aliceId, env().id('room'), 'join me', '@0'],
        ['alice: LocalInvitationReceivedByPeer', '@0'],
        ['bob: RemoteInvitationRefused', '@0'],
        ['refused', 'REFUSED'],
        ['alice: LocalInvitationRefused', 'busy', '@0'],
      ]);
      expect([call.state, call.response]).toEqual(['REFUSED_BY_REMOTE', 'busy']);
    });

    it('cancel() emits synchronously and carries the content current at cancel time', async () => {
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript(env().now);
      const received = inbox(bob, t, 'bob');
      const call = watchLocal(alice.createLocalInvitation(bobId), t, 'alice');
      call.content = 'first';
      call.send();
      await env().flush();
      call.content = 'never mind';
      call.cancel();
      t.mark('cancel returned', call.state);
      await env().flush();
      expect(t.entries).toEqual([
        ['bob: RemoteInvitationReceived', aliceId, '', 'first', '@0'],
        ['alice: LocalInvitationReceivedByPeer', '@0'],
        ['alice: LocalInvitationCanceled', '@0'],
        ['cancel returned', 'CANCELED'],
        ['bob: RemoteInvitationCanceled', 'never mind', '@0'],
      ]);
      expect([received[0].state, received[0].content]).toEqual(['CANCELED', 'never mind']);
    });

    it('each invitation is its own call, to the same or different callees', async () => {
      const [bobId, carolId] = [env().id('bob'), env().id('carol')];
      const alice = await loggedIn(env(), env().id('alice'));
      const t = new Transcript();
      const bobInbox = inbox(await loggedIn(env(), bobId), t, 'bob');
      const carolInbox = inbox(await loggedIn(env(), carolId), t, 'carol');
      for (const [callee, content] of [
        [bobId, 'b1'],
        [bobId, 'b2'],
        [carolId, 'c1'],
      ]) {
        const call = alice.createLocalInvitation(callee);
        call.content = content;
        call.send();
      }
      await env().flush();
      expect([...bobInbox, ...carolInbox].map((invitation) => invitation.content)).toEqual(['b1', 'b2', 'c1']);
    });

    it('send() from a client that never logged in fails later with NOT_LOGGEDIN; after a logout with UNKNOWN', async () => {
      const t = new Transcript();
      const never = env().createClient();
      const first = watchLocal(never.createLocalInvitation(env().id('bob')), t, 'never');
      first.send();
      t.mark('sent', first.state);
      const gone = await loggedIn(env(), env().id('alice'));
      await gone.logout();
      const second = watchLocal(gone.createLocalInvitation(env().id('bob')), t, 'logged out');
      second.send();
      await env().flush();
      expect(t.entries.map((entry) => entry.slice(0, 2))).toEqual([
        ['sent', 'SENT_TO_REMOTE'],
        ['never: LocalInvitationFailure', 'NOT_LOGGEDIN'],
        ['logged out: LocalInvitationFailure', 'UNKNOWN'],
      ]);
      expect(first.state).toBe('FAILURE');
    });

    it('API misuse throws synchronously with the docs/reference/rtm1-web-sdk.md §2.4 codes', async () => {
      const bobId = env().id('bob');
      const alice = await loggedIn(env(), env().id('alice'));
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript();
      const received = inbox(bob, t, 'bob');
      expect(nameAndCode(thrown(() => alice.createLocalInvitation('a/b')))).toEqual(['RtmInvalidArgumentError', 1]);
      const call = alice.createLocalInvitation(bobId);
      expect(nameAndCode(thrown(() => call.cancel()))).toEqual(['RtmInvalidStatusError', 2]);
      expect(nameAndCode(thrown(() => Object.assign(call, { response: 'x' })))).toEqual(['RtmInvalidArgumentError', 1]);
      call.channelId = 'bad/channel';
      expect(nameAndCode(thrown(() => call.send()))).toEqual(['RtmInvalidArgumentError', 1]);
      call.channelId = '';
      call.content = 'é'.repeat(4_097);
      expect(nameAndCode(thrown(() => call.send()))).toEqual(['RtmInvalidArgumentError', 1]);
      call.content = 'x'.repeat(8_192);
      call.send();
      expect(nameAndCode(thrown(() => call.send()))).toEqual(['RtmInvalidStatusError', 5]);
      call.channelId = env().id('ignored');
      expect(call.channelId).toBe('');
      await env().flush();
      const [incoming] = received;
      expect(nameAndCode(thrown(() => Object.assign(incoming, { content: 'x' })))).toEqual(['RtmInvalidArgumentError', 1]);
      expect(nameAndCode(thrown(() => Object.assign(incoming, { channelId: 'x' })))).toEqual(['RtmInvalidArgumentError', 1]);
      incoming.response = 'é'.repeat(4_097);
      expect(nameAndCode(thrown(() => incoming.accept()))).toEqual(['RtmInvalidArgumentError', 1]);
      expect(nameAndCode(thrown(() => incoming.refuse()))).toEqual(['RtmInvalidArgumentError', 1]);
      incoming.response = 'ok';
      incoming.accept();
      expect(incoming.state).toBe('ACCEPT_SENT_TO_LOCAL');
      expect(nameAndCode(thrown(() => incoming.accept()))).toEqual(['RtmInvalidStatusError', 4]);
      expect(nameAndCode(thrown(() => incoming.refuse()))).toEqual(['RtmInvalidStatusError', 4]);
      call.cancel();
      await env().flush();
      expect(incoming.state).toBe('CANCELED');
      expect(nameAndCode(thrown(() => incoming.accept()))).toEqual(['RtmInvalidStatusError', 3]);
      expect(nameAndCode(thrown(() => incoming.refuse()))).toEqual(['RtmInvalidStatusError', 3]);
      expect(nameAndCode(thrown(() => call.send()))).toEqual(['RtmInvalidStatusError', 3]);
      expect(nameAndCode(thrown(() => call.cancel()))).toEqual(['RtmInvalidStatusError', 3]);
    });

    it.runIf(caps.controllableClock)('accept: the accept leaves after ~1 s, the caller acks, both end ACCEPTED', async () => {
      const [aliceId, bobId] = [env().id('alice'), env().id('bob')];
      const alice = await loggedIn(env(), aliceId);
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript(env().now);
      const received = inbox(bob, t, 'bob');
      const call = watchLocal(alice.createLocalInvitation(bobId), t, 'alice');
      call.send();
      await env().flush();
      received[0].response = 'on my way';
      received[0].accept();
      t.mark('accept returned', received[0].state);
      await env().advance(999);
      t.mark('999 ms');
      await env().advance(1);
      await env().advance(10_000);
      expect(t.entries).toEqual([
        ['bob: RemoteInvitationReceived', aliceId, '', '', '@0'],
        ['alice: LocalInvitationReceivedByPeer', '@0'],
        ['accept returned', 'ACCEPT_SENT_TO_LOCAL'],
        ['999 ms'],
        ['alice: LocalInvitationAccepted', 'on my way', '@1000'],
        ['bob: RemoteInvitationAccepted', '@1000'],
      ]);
      expect([call.state, call.response, received[0].state]).toEqual(['ACCEPTED_BY_REMOTE', 'on my way', 'ACCEPTED']);
    });

    it.runIf(caps.controllableClock)('an offline callee is retried every 2 s: delivered if it logs in within 30 s', async () => {
      const bobId = env().id('bob');
      const alice = await loggedIn(env(), env().id('alice'));
      const t = new Transcript(env().now);
      const call = watchLocal(alice.createLocalInvitation(bobId), t, 'alice');
      call.send();
      await env().advance(5_000);
      const bob = env().createClient();
      inbox(bob, t, 'bob');
      await bob.login({ uid: bobId });
      t.mark('bob logged in', `@${t.elapsed()}`);
      await env().advance(2_000);
      expect(t.entries.map((entry) => [entry[0], entry.at(-1)])).toEqual([
        ['bob logged in', '@5000'],
        ['bob: RemoteInvitationReceived', '@6000'],
        ['alice: LocalInvitationReceivedByPeer', '@6000'],
      ]);
    });

    it.runIf(caps.controllableClock)('an offline callee fails the invitation with PEER_OFFLINE after 30 s', async () => {
      const alice = await loggedIn(env(), env().id('alice'));
      const t = new Transcript(env().now);
      const call = watchLocal(alice.createLocalInvitation(env().id('bob')), t, 'alice');
      call.send();
      await env().advance(29_999);
      expect(t.entries).toEqual([]);
      await env().advance(1);
      expect(t.entries).toEqual([['alice: LocalInvitationFailure', 'PEER_OFFLINE', '@30000']]);
      expect(call.state).toBe('FAILURE');
    });

    it.runIf(caps.controllableClock)('an unanswered invitation expires on both sides 60 s after receipt', async () => {
      const bobId = env().id('bob');
      const alice = await loggedIn(env(), env().id('alice'));
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript(env().now);
      const received = inbox(bob, t, 'bob');
      watchLocal(alice.createLocalInvitation(bobId), t, 'alice').send();
      await env().advance(59_999);
      t.take();
      await env().advance(1);
      expect(t.take()).toEqual([
        ['bob: RemoteInvitationFailure', 'INVITATION_EXPIRE', '@60000'],
        ['alice: LocalInvitationFailure', 'INVITATION_EXPIRE', '@60000'],
      ]);
      expect(received[0].state).toBe('FAILURE');
    });

    it.runIf(caps.controllableClock)('an accept whose caller is offline fails with PEER_OFFLINE after 5 s', async () => {
      const bobId = env().id('bob');
      const alice = await loggedIn(env(), env().id('alice'));
      const bob = await loggedIn(env(), bobId);
      const t = new Transcript(env().now);
      const received = inbox(bob, t, 'bob');
      alice.createLocalInvitation(bobId).send();
      await env().flush();
      await alice.logout();
      received[0].accept();
      await env().advance(10_000);
      expect(t.entries.slice(1)).toEqual([['bob: RemoteInvitationFailure', 'PEER_OFFLINE', '@5000']]);
    });
  });
}
