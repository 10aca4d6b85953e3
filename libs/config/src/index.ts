export * from './load-config.js';
export * from './shared-config.js';
export * from './committed-secrets.js';
