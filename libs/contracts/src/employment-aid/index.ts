export * from './topics.js';
export * from './errors.js';
