export { startMicrosoftEmulator } from './server.js';
export {
  answerConsentPage,
  submitSignInForm,
  type ConsentAnswer,
  type ConsentChoice,
  type ConsentRequestOptions,
} from './consent-driver.js';
export { generateEmulatorTls, type EmulatorTls } from './tls.js';
export {
  CONSUMER_TENANT_ID,
  CONTOSO_TENANT_ID,
  DEMO_MICROSOFT_ACCOUNTS,
  DEMO_SHARED_MAILBOXES,
  FABRIKAM_TENANT_ID,
} from './demo-data.js';
export { ID_TOKEN_TAMPERS, SCOPE_STYLES } from './types.js';
export type {
  FailNextOptions,
  IdTokenTamper,
  ScopeStyle,
  FaultStatus,
  FaultTarget,
  MailboxSnapshot,
  MicrosoftAccount,
  MicrosoftClientRegistration,
  MicrosoftEmulatorControls,
  MicrosoftEmulatorOptions,
  MicrosoftEmulatorStats,
  RunningMicrosoftEmulator,
  TokenLifetimes,
} from './types.js';
export type { DeliveredMail, NewMail, NewMailAddress, NewMailAttachment, NewMailContent } from './new-mail.js';
export { generatedContent } from './mail-content.js';
export { demoInbox } from './demo-mail.js';
export type { MailSeed, SeedMailbox } from './mail-store.js';
export { MAILBOX_CONCURRENCY_LIMIT } from './mailbox-concurrency.js';
