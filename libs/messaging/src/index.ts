export * from './kafka/kafka.js';
export * from './rpc/index.js';
export * from './events/index.js';
