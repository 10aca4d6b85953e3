export * from './topics.js';
export * from './errors.js';
export * from './messages/directory.js';
export * from './events/envelope.js';
export * from './events/directory.js';
