export * from './outbox-event.entity.js';
export * from './processed-event.entity.js';
export * from './messaging-tables.migration.js';
export * from './outbox.js';
export * from './outbox-relay.js';
export * from './idempotent-consumer.js';
export * from './dead-letter.interceptor.js';
export * from './outbox.module.js';
