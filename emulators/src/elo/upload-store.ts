import { randomBytes } from 'node:crypto';
import type { BlobStore, StoredBlob } from './blob-store.js';

/** Who started an upload: the repository and user it belongs to, and the ticket its URL is bound to. */
export interface UploadOwner {
  repository: string;
  userId: number;
  /** checkinDocBegin URLs live as long as this ticket (Basic-auth sessions have none). */
  ticket?: string;
}

interface Slot extends UploadOwner {
  ext: string;
  contentType: string;
  expiresAt: number;
}

interface Pending extends UploadOwner {
  blob: StoredBlob;
  ext?: string;
  contentType?: string;
  expiresAt: number;
}

/** A streamId from BUtility/upload or an uploadResult from a checkinDocBegin URL, resolved for checkinDocEnd. */
export interface ResolvedUpload {
  blob: StoredBlob;
  ext?: string;
  contentType?: string;
}

const id = () => randomBytes(16).toString('hex');

/**
 * Bytes uploaded but not yet checked in. ELO keeps a BUtility/upload stream "a few minutes" and a checkinDocBegin
 * URL as long as the session; both are consumed by the checkinDocEnd that uses them, and unused ones are dropped
 * with their files when they expire.
 */
export class UploadStore {
  private readonly slots = new Map<string, Slot>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** checkinDocBegin: a token for the upload URL of one version. */
  openSlot(owner: UploadOwner, ext: string, contentType: string): string {
    this.sweep();
    const token = id();
    this.slots.set(token, { ...owner, ext, contentType, expiresAt: this.expiry() });
    return token;
  }

  slot(token: string): Slot | undefined {
    const slot = this.slots.get(token);
    return slot && slot.expiresAt > this.now() ? slot : undefined;
  }

  /** The bytes for a slot arrived: answers the uploadResult that checkinDocEnd expects. */
  fillSlot(token: string, blob: StoredBlob): string {
    const slot = this.slots.get(token);
    if (!slot) throw new Error('unknown upload slot');
    this.slots.delete(token);
    const uploadResult = `EMUDM:${id()}`;
    this.pending.set(uploadResult, { ...slot, blob, expiresAt: this.expiry() });
    return uploadResult;
  }

  /** BUtility/upload: answers the streamId. */
  addStream(owner: UploadOwner, blob: StoredBlob): string {
    this.sweep();
    const streamId = BigInt(`0x${randomBytes(8).toString('hex')}`)
      .toString()
      .slice(0, 19);
    this.pending.set(streamId, { ...owner, blob, expiresAt: this.expiry() });
    return streamId;
  }

  /** Takes an upload for check-in; only the user who uploaded it, in the same repository, gets it. */
  take(handle: string, repository: string, userId: number): ResolvedUpload | undefined {
    const upload = this.pending.get(handle);
    if (!upload || upload.repository !== repository || upload.userId !== userId || upload.expiresAt <= this.now()) {
      return undefined;
    }
    this.pending.delete(handle);
    return { blob: upload.blob, ext: upload.ext, contentType: upload.contentType };
  }

  /** Gives an upload back when the check-in that took it failed (ELO keeps it until it expires). */
  giveBack(handle: string, owner: UploadOwner, upload: ResolvedUpload): void {
    this.pending.set(handle, { ...owner, ...upload, expiresAt: this.expiry() });
  }

  clear(): void {
    for (const upload of this.pending.values()) this.blobs.remove(upload.blob.file);
    this.pending.clear();
    this.slots.clear();
  }

  private expiry(): number {
    return this.now() + this.lifetimeSeconds * 1000;
  }

  private sweep(): void {
    const now = this.now();
    for (const [token, slot] of this.slots) if (slot.expiresAt <= now) this.slots.delete(token);
    for (const [handle, upload] of this.pending) {
      if (upload.expiresAt > now) continue;
      this.blobs.remove(upload.blob.file);
      this.pending.delete(handle);
    }
  }
}
