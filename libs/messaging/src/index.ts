export * from './kafka/kafka.js';
export * from './kafka/coalescing-producer.js';
export * from './kafka/kafka-transports.js';
export * from './rpc/index.js';
export * from './events/index.js';
export * from './roster/index.js';
export * from './kafka/acls.js';
