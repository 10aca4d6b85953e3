import type { MessageProducer, OutgoingMessage, TopicMessages } from './client/kafka-client.js';

interface Pending {
  batch: TopicMessages[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Wraps a producer so that `send` calls made while an earlier one is in flight go out
 * together as one produce request (natural batching, as Nagle's algorithm does): no added
 * delay when idle, far fewer requests under load. Order holds: batches leave one at a
 * time, in the order of the calls.
 */
export function coalesceSends(producer: MessageProducer): MessageProducer {
  let queue: Pending[] = [];
  let inFlight = false;

  const flush = (): void => {
    const pending = queue;
    if (pending.length === 0) {
      inFlight = false;
      return;
    }
    queue = [];
    inFlight = true;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const { batch } of pending) {
      for (const { topic, messages } of batch) {
        const list = byTopic.get(topic) ?? [];
        list.push(...messages);
        byTopic.set(topic, list);
      }
    }
    producer
      .send([...byTopic].map(([topic, messages]) => ({ topic, messages })))
      .then(
        () => pending.forEach((p) => p.resolve()),
        (error: unknown) => pending.forEach((p) => p.reject(error)),
      )
      .finally(flush);
  };

  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    send: (batch) =>
      new Promise<void>((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        if (!inFlight) {
          inFlight = true;
          // Let every send of this turn of the event loop join the first batch.
          setImmediate(flush);
        }
      }),
  };
}
