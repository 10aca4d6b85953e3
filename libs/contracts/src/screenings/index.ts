export * from './events.js';
export * from './digest.js';
