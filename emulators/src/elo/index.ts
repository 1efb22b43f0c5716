export { startEloEmulator, type EloEmulatorOptions, type RunningEloEmulator } from './server.js';
export {
  DEMO_ELO_REPOSITORY,
  DEMO_ELO_SERVICE_ACCOUNT,
  DEMO_ELO_SERVICE_GROUP,
  DEMO_MS365_GROUP,
  type EloGroupFixture,
  type EloRepositoryFixture,
  type EloUserFixture,
} from './fixtures.js';
export {
  BASIC_MASK,
  DEMO_INVOICE_MASK,
  type EloArchiveFixture,
  type EloMaskFixture,
  type EloMaskLineFixture,
} from './archive-fixtures.js';
export type {
  EloAvailability,
  EloCallRecord,
  EloEmulatorControls,
  EloEmulatorState,
  EloGroupMembershipChange,
} from './controls.js';
export type { EloConstantsOptions } from './constants.js';
export type { FiledDocument, FiledFile } from './filed-documents.js';
export type { InjectedDrop, InjectedException } from './fault-injection.js';
export type { FilingOptions } from './filing-services.js';
