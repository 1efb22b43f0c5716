export { EloIxGateway, type EloIdentity, type EloIxGatewayOptions } from './elo-ix-gateway.js';
export type { EloCallObserver } from './ix-client.js';
