export * from './data-source.js';
export * from './retry.js';
