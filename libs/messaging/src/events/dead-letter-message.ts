import type { OutgoingMessage } from '../kafka/client/kafka-client.js';

/** Where a message that could not be handled came from, and why. */
export interface DeadLetterOrigin {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  /** `VALIDATION_FAILED`, or the code of the error that stopped it. */
  code: string;
  reason: string;
  failedAt?: Date;
}

/**
 * The message a dead-letter topic gets: the original key and value, and `x-` headers that
 * say where it came from and why (the reason cut to 1 000 characters). Every consumer that
 * dead-letters builds it here, so the topics all read the same way.
 */
export function deadLetterMessage(origin: DeadLetterOrigin): OutgoingMessage {
  return {
    key: origin.key,
    value: origin.value,
    headers: {
      'x-original-topic': origin.topic,
      'x-original-partition': String(origin.partition),
      'x-original-offset': origin.offset,
      'x-error-code': origin.code,
      'x-error-message': origin.reason.slice(0, 1000),
      'x-failed-at': (origin.failedAt ?? new Date()).toISOString(),
    },
  };
}
