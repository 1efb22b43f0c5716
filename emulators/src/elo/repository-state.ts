import { EloDirectory } from './directory.js';
import type { EloRepositoryFixture } from './fixtures.js';

/** One emulated repository: its directory plus the switches that controls may change at run time. */
export class RepositoryState {
  directory: EloDirectory;
  passwordLoginDisabled = false;

  constructor(
    readonly name: string,
    private readonly fixture: EloRepositoryFixture,
  ) {
    this.directory = new EloDirectory(fixture);
    this.reset();
  }

  get groupListIncludesNested(): boolean {
    return this.fixture.groupListIncludesNested ?? false;
  }

  get allowGroupLookups(): boolean {
    return this.fixture.allowGroupLookups ?? true;
  }

  /** Back to what the fixture says, group memberships changed by controls included. */
  reset(): void {
    this.directory = new EloDirectory(this.fixture);
    this.passwordLoginDisabled = this.fixture.passwordLoginDisabled ?? false;
  }
}
