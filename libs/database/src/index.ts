export * from './data-source.js';
export * from './retry.js';
export * from './bulk-insert.js';
