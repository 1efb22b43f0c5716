import { createHash } from 'node:crypto';

/**
 * Exchange-shaped opaque ids, derived (not random) so a mailbox seeded again after a restart has the same ids: REST
 * ids start with `AAMk`, immutable ids with `AAkALg`, both URL-safe base64 ending in `=` as Graph's do — clients must
 * treat them as opaque and encode them in paths.
 */
function digest(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

export const immutableMessageId = (mailbox: string, internetMessageId: string, delivery: number): string =>
  `AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A${digest('immutable', mailbox, internetMessageId, String(delivery))}AAA=`;

/** A message's REST id changes with every move (without `Prefer: IdType="ImmutableId"` clients see this one). */
export const restMessageId = (immutableId: string, moves: number): string =>
  `AAMkADExYTQ2ZjM5LTAwAEYAAAAA${digest('rest', immutableId, String(moves))}AAA=`;

export const attachmentId = (immutableId: string, index: number): string =>
  `AAMkADExYTQ2ZjM5LTAwBGAAAAAB${digest('attachment', immutableId, String(index))}AAABEgAQA=`;

export const wellKnownFolderId = (mailbox: string, wellKnownName: string): string =>
  `AAMkADExYTQ2ZjM5LTAwLgAAAAAA${digest('folder', mailbox, wellKnownName)}AQA=`;

export const childFolderId = (mailbox: string, sequence: number): string =>
  `AAMkADExYTQ2ZjM5LTAwLgAAAAAB${digest('child-folder', mailbox, String(sequence))}AQA=`;

/** Graph's `changeKey` / etag value: changes whenever the item does. */
export const changeKeyOf = (immutableId: string, version: number): string =>
  `CQAAABYAAAA${digest('change', immutableId, String(version)).slice(0, 20)}`;

export const conversationIdOf = (mailbox: string, subject: string): string =>
  `AAQkADExYTQ2ZjM5LTAwQAAQA${digest('conversation', mailbox, subject.replace(/^(AW|WG|RE|FW|FWD):\s*/i, ''))}=`;
