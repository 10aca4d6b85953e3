export * from './headers.js';
export * from './error-body.js';
export * from './server.js';
export * from './client.js';
export * from './service-app.js';
export * from './payload-cipher.js';
