/**
 * The event envelope, as the architecture names it. On Kafka it also travels as
 * CloudEvents binary-mode headers (`ce_id`, `ce_type`, `ce_source`, `ce_time`,
 * `ce_specversion`), so CloudEvents-aware tools can read it: id→id, type→type,
 * producer→source, occurredAt→time, payload→data.
 */
export interface EventEnvelope<TPayload = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  producer: string;
  correlationId: string | null;
  /** The aggregate the event is about; also the Kafka message key, so order holds per key. */
  key: string;
  payload: TPayload;
}
