import kafkajs, { type Kafka, type KafkaConfig, type ITopicConfig } from 'kafkajs';
import type { KafkaConnection } from '@app/config';
import type { TopicSpec } from '@app/contracts';

/** A kafkajs client on `connection` (its brokers, and its principal's SASL credentials). */
export function createKafka(
  connection: KafkaConnection,
  clientId: string,
  extra: Partial<KafkaConfig> = {},
): Kafka {
  return new kafkajs.Kafka({
    clientId,
    brokers: connection.brokers,
    ...(connection.sasl ? { sasl: connection.sasl } : {}),
    logLevel: kafkajs.logLevel.WARN,
    retry: { initialRetryTime: 100, retries: 5 },
    ...extra,
  });
}

/**
 * Creates every topic that is missing and adds partitions where a topic has fewer than the
 * design needs. Auto-creation is off on the broker, so nothing else creates topics.
 * Returns the topics it created.
 */
export async function ensureTopics(kafka: Kafka, specs: TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing: ITopicConfig[] = specs
      .filter((s) => !existing.has(s.topic))
      .map((s) => ({ topic: s.topic, numPartitions: s.partitions, replicationFactor: 1 }));
    if (missing.length > 0) {
      await admin.createTopics({ topics: missing, waitForLeaders: true });
    }
    const present = specs.filter((s) => existing.has(s.topic));
    if (present.length > 0) {
      const metadata = await admin.fetchTopicMetadata({ topics: present.map((s) => s.topic) });
      const grow = metadata.topics
        .map((t) => ({
          topic: t.name,
          have: t.partitions.length,
          want: present.find((s) => s.topic === t.name)?.partitions ?? 0,
        }))
        .filter((t) => t.want > t.have)
        .map((t) => ({ topic: t.topic, count: t.want }));
      if (grow.length > 0) await admin.createPartitions({ topicPartitions: grow });
    }
    return missing.map((m) => m.topic);
  } finally {
    await admin.disconnect();
  }
}

/** Polls the broker until it answers a metadata request, instead of sleeping. */
export async function waitForKafka(kafka: Kafka, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  throw new Error(`Kafka did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

/**
 * On a new broker the group coordinator (the `__consumer_offsets` topic) is created by the
 * first consumer that asks for it, and for a few seconds every group join fails. Asking
 * for it once here, before any app starts, spares every consumer that first failure.
 */
export async function warmUpGroupCoordinator(kafka: Kafka, timeoutMs: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await admin.describeGroups(['studentpass-warm-up']);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await admin.disconnect();
  }
}
