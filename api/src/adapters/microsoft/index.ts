export { createMicrosoftDispatcher } from './http-dispatcher.js';
export { GraphGateway, type GraphUser, type MailFolderSummary } from './graph-gateway.js';
export { GraphMailGateway, type DeltaStart, type GraphMailGatewayOptions } from './graph-mail-gateway.js';
export { DeltaStateExpiredError } from './graph-http.js';
export {
  IMPORT_MARKER_PROPERTY_ID,
  type DeltaMessage,
  type DeltaPage,
  type MailAddress,
  type MailAttachment,
  type MailAttachmentKind,
  type MailDownload,
  type MailFolderRef,
  type MailMessage,
  type MessageUpdate,
} from './graph-mail-types.js';
export { MailboxLimiter } from './mailbox-limiter.js';
export { MicrosoftIdentity, type AuthorizeRequest, type RedeemedTokens } from './microsoft-identity.js';
export { authorityOrigin, type MicrosoftEndpoints } from './microsoft-endpoints.js';
export { MicrosoftRequestError } from './microsoft-request-error.js';
export type { TokenCacheStore } from './persistent-token-cache.js';
export { ID_TOKEN_REJECTED, IdTokenValidator, type IdTokenValidatorOptions } from './id-token-validator.js';
export { trustedCertificates } from './http-dispatcher.js';
