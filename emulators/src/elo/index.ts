export { startEloEmulator, type EloEmulatorOptions, type RunningEloEmulator } from './server.js';
export {
  DEMO_ELO_REPOSITORY,
  DEMO_MS365_GROUP,
  type EloGroupFixture,
  type EloRepositoryFixture,
  type EloUserFixture,
} from './fixtures.js';
export type {
  EloAvailability,
  EloCallRecord,
  EloEmulatorControls,
  EloEmulatorState,
  EloGroupMembershipChange,
} from './controls.js';
export type { EloConstantsOptions } from './constants.js';
