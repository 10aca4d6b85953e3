/** Kafka headers that travel with every request from the gateway, and with its reply. */
export const RpcHeaders = {
  requestId: 'x-request-id',
  /** Epoch milliseconds after which nobody waits for the answer any more. */
  deadline: 'x-deadline',
  /** The command a request on a service's request topic is for. */
  command: 'x-command',
  /** Pairs a reply with its request; also the sealing place of both. */
  correlationId: 'x-correlation-id',
  /** Where the reply goes: the service's reply topic, and a partition the caller owns. */
  replyTopic: 'x-reply-topic',
  replyPartition: 'x-reply-partition',
  /** On a reply: the sealed error body, when the handler failed. */
  error: 'x-error',
  /** On a reply: set on the last reply of a request (a handler may answer with a stream). */
  last: 'x-last',
} as const;
