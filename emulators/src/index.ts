export * from './elo/index.js';
export * from './microsoft/index.js';
export * from './invoices/index.js';
export * from './smtp/index.js';
