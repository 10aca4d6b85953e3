export * from './request-context.js';
export * from './json-logger.js';
