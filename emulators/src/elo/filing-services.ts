import { randomBytes } from 'node:crypto';
import { BlobStore } from './blob-store.js';
import { UploadStore } from './upload-store.js';

interface Search {
  repository: string;
  userId: number;
  ids: number[];
  expiresAt: number;
}

/** ELO keeps a search's results for five minutes by default, or until findClose. */
const SEARCH_LIFETIME_MS = 5 * 60 * 1000;

/** Results of findFirstSords, for findNextSords and findClose. */
export class SearchStore {
  private readonly searches = new Map<string, Search>();

  constructor(private readonly now: () => number = Date.now) {}

  open(repository: string, userId: number, ids: number[]): string {
    const nowMs = this.now();
    for (const [id, search] of this.searches) if (search.expiresAt <= nowMs) this.searches.delete(id);
    const searchId = `(${randomBytes(16).toString('hex').toUpperCase()})`;
    this.searches.set(searchId, { repository, userId, ids, expiresAt: nowMs + SEARCH_LIFETIME_MS });
    return searchId;
  }

  get(searchId: string, repository: string, userId: number): number[] | undefined {
    const search = this.searches.get(searchId);
    if (!search || search.repository !== repository || search.userId !== userId) return undefined;
    if (search.expiresAt <= this.now()) {
      this.searches.delete(searchId);
      return undefined;
    }
    return search.ids;
  }

  close(searchId: string): boolean {
    return this.searches.delete(searchId);
  }

  /** How many searches are open: a client that forgets findClose shows up here. */
  openCount(): number {
    return this.searches.size;
  }

  clear(): void {
    this.searches.clear();
  }
}

export interface FilingOptions {
  /** Largest accepted upload. Default 200 MB. */
  maxUploadBytes?: number;
  /** How long an upload waits for its checkinDocEnd. Default 300 s ("a few minutes"). */
  uploadLifetimeSeconds?: number;
}

/** What the filing calls share across repositories: uploaded bytes, pending uploads and open searches. */
export class FilingServices {
  readonly blobs: BlobStore;
  readonly uploads: UploadStore;
  readonly searches = new SearchStore();

  constructor(options: FilingOptions = {}) {
    this.blobs = new BlobStore(options.maxUploadBytes ?? 200 * 1024 * 1024);
    this.uploads = new UploadStore(this.blobs, options.uploadLifetimeSeconds ?? 300);
  }

  clear(): void {
    this.uploads.clear();
    this.searches.clear();
  }

  close(): void {
    this.blobs.close();
  }
}
