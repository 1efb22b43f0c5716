export * from './constants.js';
export * from './errors.js';
export * from './auth.js';
export * from './features.js';
export * from './ms365.js';
export * from './ms365-code.js';
export * from './api-tokens.js';
export * from './text.js';
