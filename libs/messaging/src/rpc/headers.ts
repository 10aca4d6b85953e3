/** Kafka headers that travel with every request from the gateway. */
export const RpcHeaders = {
  requestId: 'x-request-id',
  /** Epoch milliseconds after which nobody waits for the answer any more. */
  deadline: 'x-deadline',
  /** The command a request on a service's request topic is for. */
  command: 'x-command',
} as const;
