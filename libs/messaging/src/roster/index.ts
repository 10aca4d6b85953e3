export * from './roster-events.js';
export * from './roster-placement.js';
export * from './roster-read-model.js';
