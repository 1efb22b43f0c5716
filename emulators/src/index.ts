export * from './elo/index.js';
