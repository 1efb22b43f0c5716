export {
  EloIxGateway,
  type EloIdentity,
  type EloIxGatewayOptions,
  type EloSession,
  type MembershipRecheck,
} from './elo-ix-gateway.js';
export type { EloCallObserver } from './ix-client.js';
