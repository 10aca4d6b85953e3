export * from './app-error.js';
export * from './common-errors.js';
export * from './validation.js';
export * from './validation-pipe.js';
