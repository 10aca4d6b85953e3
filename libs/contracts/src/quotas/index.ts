export * from './topics.js';
export * from './errors.js';
export * from './messages.js';
