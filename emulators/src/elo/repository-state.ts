import { EloArchive } from './archive.js';
import { EloDirectory } from './directory.js';
import type { EloRepositoryFixture } from './fixtures.js';
import { MaskCatalog } from './mask-catalog.js';

/** One emulated repository: its directory plus the switches that controls may change at run time. */
export class RepositoryState {
  directory: EloDirectory;
  readonly masks: MaskCatalog;
  readonly archive: EloArchive;
  passwordLoginDisabled = false;
  /** Masks that refuse documents (control `rejectMask`): mask id → the exception code answered. */
  readonly rejectedMasks = new Map<number, number>();

  constructor(
    readonly name: string,
    private readonly fixture: EloRepositoryFixture,
  ) {
    this.directory = new EloDirectory(fixture);
    this.masks = new MaskCatalog(fixture.masks);
    this.archive = new EloArchive(() => this.directory, fixture.archive);
    this.reset();
  }

  get groupListIncludesNested(): boolean {
    return this.fixture.groupListIncludesNested ?? false;
  }

  get allowGroupLookups(): boolean {
    return this.fixture.allowGroupLookups ?? true;
  }

  /** Back to what the fixture says: switches, group memberships changed by controls, an archive with only the fixture's folders. */
  reset(): void {
    this.directory = new EloDirectory(this.fixture);
    this.passwordLoginDisabled = this.fixture.passwordLoginDisabled ?? false;
    this.rejectedMasks.clear();
    this.archive.reset();
  }
}
