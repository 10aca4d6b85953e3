export * from './topics.js';
export * from './errors.js';
export * from './local-date.js';
export * from './messages.js';
export * from './area-code.js';
export * from './layering.js';
