export * from './master-key.js';
export * from './field-cipher.js';
export * from './audit-log.js';
