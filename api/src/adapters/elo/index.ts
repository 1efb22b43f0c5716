export {
  EloIxGateway,
  type EloIdentity,
  type EloIxGatewayOptions,
  type EloSession,
  type MembershipRecheck,
} from './elo-ix-gateway.js';
export type { EloCallObserver } from './ix-client.js';
export { EloArchive, EloArchiveConnector, BASIC_MASK_ID, type DescribedMask } from './elo-archive.js';
export type { EloServiceAccount } from './ix-service-session.js';
export type { EloFileContent, FileDocumentInput, FiledDocument } from './document-filing.js';
export type { EloMask, EloMaskLine, EloSordSummary } from './archive-shapes.js';
export { EloArchiveError, type EloFailureKind } from './archive-errors.js';
