/** Kafka headers that travel with every request from the gateway. */
export const RpcHeaders = {
  requestId: 'x-request-id',
  /** Epoch milliseconds after which nobody waits for the answer any more. */
  deadline: 'x-deadline',
} as const;
