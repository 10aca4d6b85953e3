import type { MessageProducer, TopicMessages } from './client/kafka-client.js';
import { coalesceSends } from './coalescing-producer.js';

/** Records what reaches the real producer's send; each call resolves when told to. */
function recordingProducer() {
  const batches: TopicMessages[][] = [];
  const release: (() => void)[] = [];
  let fail: Error | null = null;
  const producer: MessageProducer = {
    send: (batch) =>
      new Promise<void>((resolve, reject) => {
        batches.push(batch);
        release.push(() => (fail ? reject(fail) : resolve()));
      }),
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
  };
  return { producer, batches, release, failWith: (e: Error) => (fail = e) };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('coalesceSends', () => {
  it('sends what arrives in one turn as one batch, and what arrives meanwhile as the next, in order', async () => {
    const { producer, batches, release } = recordingProducer();
    const sut = coalesceSends(producer);
    const first = [
      sut.send([{ topic: 'a', messages: [{ value: '1' }] }]),
      sut.send([{ topic: 'b', messages: [{ value: '2' }] }]),
      sut.send([{ topic: 'a', messages: [{ value: '3' }] }]),
    ];
    await tick();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual([
      { topic: 'a', messages: [{ value: '1' }, { value: '3' }] },
      { topic: 'b', messages: [{ value: '2' }] },
    ]);
    const later = sut.send([{ topic: 'a', messages: [{ value: '4' }] }]);
    await tick();
    expect(batches).toHaveLength(1); // waits for the batch in flight
    release[0]();
    await Promise.all(first);
    await tick();
    expect(batches).toHaveLength(2);
    expect(batches[1]).toEqual([{ topic: 'a', messages: [{ value: '4' }] }]);
    release[1]();
    await expect(later).resolves.toBeUndefined();
  });

  it('fails every send of a batch that fails, and passes other calls through', async () => {
    const { producer, release, failWith } = recordingProducer();
    const sut = coalesceSends(producer);
    failWith(new Error('broker down'));
    const sends = [
      sut.send([{ topic: 'a', messages: [{ value: '1' }] }]),
      sut.send([{ topic: 'a', messages: [{ value: '2' }] }]),
    ];
    await tick();
    release[0]();
    for (const send of sends) await expect(send).rejects.toThrow('broker down');
    await expect(sut.connect()).resolves.toBeUndefined();
  });
});
