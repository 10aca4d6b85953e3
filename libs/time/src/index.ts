export * from './clock.js';
export * from './shanghai-time.js';
