import { describe, expect, it } from 'vitest';
import { ChannelInstances, type ChannelEndpoint, type JoinState } from '../../src/fake/client/ChannelInstances';

/** An endpoint whose state the test sets, recording the counts it receives. */
function endpoint(channelId: string, joinState: JoinState, counts: string[] = []): ChannelEndpoint & { joinState: JoinState } {
  return {
    channelId,
    joinState,
    receiveMessage: () => undefined,
    receiveMemberNotice: () => undefined,
    receiveAttributes: () => undefined,
    receiveMemberCount: (count) => void counts.push(`${channelId}:${count}`),
    dropMembership: () => undefined,
  };
}

describe('ChannelInstances', () => {
  it('routes to the first joined instance of an ID, in the order they were added', () => {
    const instances = new ChannelInstances();
    const joining = endpoint('room', 'JOINING');
    const joined = endpoint('room', 'JOINED');
    const other = endpoint('hall', 'JOINED');
    instances.add(joining);
    instances.add(other);
    instances.add(joined);
    instances.add(other);
    expect(instances.joined('room')).toBe(joined);
    joining.joinState = 'JOINED';
    expect(instances.joined('room')).toBe(joining);
    expect(instances.joinedIds()).toEqual(['room', 'hall', 'room']);
    instances.remove(joining, true);
    expect(instances.has(joining)).toBe(false);
    expect(instances.joined('room')).toBe(joined);
    expect(instances.joined('lobby')).toBeUndefined();
  });

  it('feeds member counts to the joined instances in order, skipping one that leaves meanwhile', () => {
    const instances = new ChannelInstances();
    const counts: string[] = [];
    const second = endpoint('b', 'JOINED', counts);
    const first = endpoint('a', 'JOINED', counts);
    first.receiveMemberCount = (count) => {
      counts.push(`a:${count}`);
      // A listener leaves `b` and starts joining `c` while the counts are handed out.
      second.joinState = 'LEFT';
      instances.remove(second, true);
      instances.add(endpoint('c', 'JOINING', counts));
    };
    instances.add(first);
    instances.add(second);
    instances.receiveMemberCounts({ a: 1, b: 2, c: 3 });
    expect(counts).toEqual(['a:1']);
    expect(instances.joinedIds()).toEqual(['a']);
  });
});
