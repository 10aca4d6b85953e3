export * from './topics.js';
export * from './errors.js';
export * from './validation.js';
export * from './messages.js';
