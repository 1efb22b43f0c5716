import { EloUnavailableError } from '../../errors/domain-errors.js';
import { TtlCache } from '../../support/ttl-cache.js';
import { EloArchiveError, eloUnavailableError } from './archive-errors.js';
import { readArchiveSelectors, type ArchiveSelectors } from './archive-constants.js';
import { readIds, readMask, readSordSummary, type EloMask, type EloSordSummary } from './archive-shapes.js';
import { fileDocument, type FiledDocument, type FileDocumentInput } from './document-filing.js';
import { IxCallException, IxClient, type EloCallObserver } from './ix-client.js';
import { IxServiceSession, type EloServiceAccount } from './ix-service-session.js';

/** The mask ELO's basic document mask has as id ("Freie Eingabe" / "Basic entry"). */
export const BASIC_MASK_ID = '0';

export interface DescribedMask extends EloMask {
  /** The mask that was asked for. */
  requested: string;
  /** True when the requested mask does not exist and the basic document mask is used instead. */
  usedFallback: boolean;
}

export interface EloArchiveConnectorOptions {
  /** Bound for each JSON call. */
  timeoutMs: number;
  /** Bound for one upload (a 25 MB file over a slow line takes a while). Default 5 minutes. */
  uploadTimeoutMs?: number;
  onCall?: EloCallObserver;
}

const HEX = /^[0-9A-Fa-f]+$/;
const GROUP = /^[A-Za-z0-9_]+$/;

/**
 * The import engine's only way to file into ELO. One instance per tenant and worker: it holds the service
 * account's session (login on first use) and must be closed when done.
 *
 * Every method throws EloArchiveError (see archive-errors.ts for what each kind means).
 */
export class EloArchive {
  constructor(
    private readonly session: IxServiceSession,
    private readonly selectors: () => Promise<ArchiveSelectors>,
    private readonly uploadTimeoutMs: number,
  ) {}

  /** Finds or creates the folder path below the archive root (one transaction in ELO); answers the leaf's id. */
  async ensureFolderPath(pathSegments: string[]): Promise<{ folderId: string; ids: string[] }> {
    if (pathSegments.length === 0 || pathSegments.some((name) => name.trim() === '' || name.includes('¶'))) {
      throw new TypeError('ensureFolderPath: segments must be non-empty names without ¶');
    }
    const result = await this.session.call(
      'checkinSordPath',
      { parentId: '1', sords: pathSegments.map((name) => ({ name })), sordZ: {} },
      { idempotent: true },
    );
    const ids = readIds(result);
    if (!ids || ids.length !== pathSegments.length) throw eloUnavailableError('checkinSordPath', 'bad_response');
    return { folderId: String(ids[ids.length - 1]), ids: ids.map(String) };
  }

  /**
   * The mask with its index lines (group names and max lengths). With `fallbackToBasic`, a mask that does not exist
   * is replaced by ELO's basic document mask, and `usedFallback` says so. The original file name's system line is
   * always listed.
   */
  async describeMask(name: string, options: { fallbackToBasic?: boolean } = {}): Promise<DescribedMask> {
    try {
      return { ...(await this.checkoutMask(name)), requested: name, usedFallback: false };
    } catch (error) {
      if (!(error instanceof EloArchiveError) || error.kind !== 'not_found' || !options.fallbackToBasic) throw error;
    }
    return { ...(await this.checkoutMask(BASIC_MASK_ID)), requested: name, usedFallback: true };
  }

  private async checkoutMask(maskId: string): Promise<EloMask> {
    const selectors = await this.selectors();
    const result = await this.session.call(
      'checkoutDocMask',
      {
        maskId,
        ...(selectors.docMaskAll ? { docMaskZ: { bset: selectors.docMaskAll } } : {}),
        lockZ: { bset: selectors.lockNo },
      },
      { idempotent: true },
    );
    const mask = readMask(result);
    if (!mask) throw eloUnavailableError('checkoutDocMask', 'bad_response');
    const fileName = selectors.fileNameGroup;
    if (!mask.lines.some((line) => line.group.toUpperCase() === fileName.toUpperCase())) {
      mask.lines.push({
        group: fileName,
        label: 'Dateiname',
        max: 255,
        required: false,
        system: true,
        id: selectors.fileNameLineId,
      });
    }
    return mask;
  }

  /**
   * The entry carrying `value` in index field `field` (`checkoutSord OKEY:`), or null. Both must be free of ELO's
   * wildcards (`%`, `*`): the import key is hex for exactly this reason.
   */
  async findByImportKey(field: string, value: string): Promise<EloSordSummary | null> {
    if (!GROUP.test(field) || !HEX.test(value)) {
      throw new TypeError('findByImportKey: the field must be a group name and the value a hex key (no wildcards)');
    }
    return this.lookup(`OKEY:${field}=${value}`);
  }

  /** An entry by objId or GUID, or null when ELO answers [ELOIX:5023]. */
  async findById(objId: string): Promise<EloSordSummary | null> {
    return this.lookup(objId);
  }

  /** `¶Rechnungseingang¶2025¶03¶Rechnung.pdf`: the entry's path as the portal shows it, or null when gone. */
  async pathOf(objId: string): Promise<string | null> {
    const sord = await this.lookup(objId);
    return sord ? `${sord.parentPath}¶${sord.name}` : null;
  }

  /** Files one document (and an optional attachment); see document-filing.ts for the steps and guarantees. */
  async fileDocument(input: FileDocumentInput): Promise<FiledDocument> {
    return fileDocument(this.session, await this.selectors(), this.uploadTimeoutMs, input);
  }

  /** Logs the service account out. */
  close(): Promise<void> {
    return this.session.close();
  }

  private async lookup(objId: string): Promise<EloSordSummary | null> {
    const selectors = await this.selectors();
    try {
      const result = await this.session.call(
        'checkoutSord',
        {
          objId,
          editInfoZ: { bset: selectors.editInfoSord, sordZ: { bset: selectors.sordAll } },
          lockZ: { bset: selectors.lockNo },
        },
        { idempotent: true },
      );
      const sord = readSordSummary(result);
      if (!sord) throw eloUnavailableError('checkoutSord', 'bad_response');
      return sord;
    } catch (error) {
      if (error instanceof EloArchiveError && error.kind === 'not_found') return null;
      throw error;
    }
  }
}

const ONE_HOUR_MS = 60 * 60 * 1000;

/**
 * Opens EloArchive sessions. Shared by all tenants of a process: one HTTP client and one cache of each
 * Indexserver's getConstants (fetched without login, large, changes only with a server update).
 */
export class EloArchiveConnector {
  private readonly client: IxClient;
  private readonly constants = new TtlCache<string, ArchiveSelectors>(ONE_HOUR_MS, 1000);

  constructor(private readonly options: EloArchiveConnectorOptions) {
    if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
      throw new TypeError('EloArchiveConnector: timeoutMs must be a positive number');
    }
    this.client = new IxClient(options.timeoutMs, options.onCall);
  }

  /** A session of the tenant's service account against its Indexserver (`https://host/ix-repo/rest`). */
  open(baseUrl: string, account: EloServiceAccount): EloArchive {
    const base = baseUrl.replace(/\/+$/, '');
    const session = new IxServiceSession(this.client, base, account);
    return new EloArchive(session, () => this.selectors(base), this.options.uploadTimeoutMs ?? 5 * 60 * 1000);
  }

  private selectors(baseUrl: string): Promise<ArchiveSelectors> {
    return this.constants.getOrLoad(baseUrl, async () => {
      try {
        return readArchiveSelectors(await this.client.call(baseUrl, 'getConstants', {}));
      } catch (error) {
        // A server that refuses getConstants still gets requests with the documented default selectors.
        if (error instanceof IxCallException) return readArchiveSelectors({});
        if (error instanceof EloUnavailableError) {
          throw eloUnavailableError('getConstants', String(error.details?.reason ?? 'unavailable'));
        }
        throw error;
      }
    });
  }
}
