export * from './load-config.js';
export * from './shared-config.js';
