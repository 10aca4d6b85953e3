export * from './wait-for.js';
export * from './topic-recorder.js';
