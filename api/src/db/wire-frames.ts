/**
 * The two halves of the Postgres wire protocol the embedded database's server needs to see: where a client's
 * messages begin and end (frontend), and whether the database's answer ended in ReadyForQuery and with which
 * transaction status (backend). Nothing is interpreted beyond that; PGlite does the rest.
 * https://www.postgresql.org/docs/current/protocol-message-formats.html
 */

const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;
/** Postgres' own limits: a start-up packet is at most 10000 bytes, any other message below 1 GB. */
const MAX_STARTUP_LENGTH = 10_000;
const MAX_MESSAGE_LENGTH = 0x3fffffff;
const TERMINATE = 0x58; // 'X'
const READY_FOR_QUERY = 0x5a; // 'Z'

export type FrontendMessage =
  /** SSLRequest or GSSENCRequest: answered "N" (not supported) by the server itself. */
  | { kind: 'encryption-request' }
  /** CancelRequest: PGlite runs one statement at a time to its end, there is nothing to cancel. */
  | { kind: 'cancel-request' }
  | { kind: 'startup'; bytes: Buffer }
  | { kind: 'terminate' }
  /** Any other message (Query, Parse, Bind, Execute, Sync, …), type byte and length included. */
  | { kind: 'message'; bytes: Buffer };

export class ProtocolViolation extends Error {}

/** Cuts a client's byte stream into whole messages, however TCP splits or joins them. */
export class FrontendFramer {
  private pending: Buffer = Buffer.alloc(0);
  private started = false;

  push(chunk: Buffer): FrontendMessage[] {
    const buffer = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const messages: FrontendMessage[] = [];
    let offset = 0;
    for (;;) {
      const available = buffer.length - offset;
      if (!this.started) {
        if (available < 8) break;
        const length = buffer.readInt32BE(offset);
        if (length < 8 || length > MAX_STARTUP_LENGTH) throw new ProtocolViolation('invalid start-up packet length');
        if (available < length) break;
        const code = buffer.readInt32BE(offset + 4);
        const bytes = buffer.subarray(offset, offset + length);
        offset += length;
        if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) messages.push({ kind: 'encryption-request' });
        else if (code === CANCEL_REQUEST_CODE) messages.push({ kind: 'cancel-request' });
        else {
          this.started = true;
          messages.push({ kind: 'startup', bytes });
        }
      } else {
        if (available < 5) break;
        const length = buffer.readInt32BE(offset + 1);
        if (length < 4 || length > MAX_MESSAGE_LENGTH) throw new ProtocolViolation('invalid message length');
        if (available < 1 + length) break;
        const bytes = buffer.subarray(offset, offset + 1 + length);
        offset += 1 + length;
        messages.push(bytes[0] === TERMINATE ? { kind: 'terminate' } : { kind: 'message', bytes });
      }
    }
    this.pending = buffer.subarray(offset);
    return messages;
  }
}

export type TransactionStatus = 'idle' | 'in-transaction' | 'failed-transaction';

/**
 * Follows the database's answer across chunks. After a whole answer, `status` is the transaction status of its
 * closing ReadyForQuery, or undefined when the answer did not end with one (the client is mid-way through an
 * extended-protocol cycle, or in COPY).
 */
export class ReadyForQueryWatcher {
  private readonly header = Buffer.alloc(5);
  private headerBytes = 0;
  private bodyLeft = 0;
  status: TransactionStatus | undefined;

  feed(chunk: Uint8Array): void {
    let index = 0;
    while (index < chunk.length) {
      if (this.bodyLeft === 0) {
        this.header[this.headerBytes++] = chunk[index++] as number;
        if (this.headerBytes === this.header.length) {
          this.headerBytes = 0;
          this.bodyLeft = Math.max(0, this.header.readInt32BE(1) - 4);
          this.status = undefined;
        }
        continue;
      }
      if (this.header[0] === READY_FOR_QUERY) this.status = statusOf(chunk[index] as number);
      const taken = Math.min(this.bodyLeft, chunk.length - index);
      index += taken;
      this.bodyLeft -= taken;
    }
  }
}

function statusOf(byte: number): TransactionStatus {
  if (byte === 0x54) return 'in-transaction'; // 'T'
  if (byte === 0x45) return 'failed-transaction'; // 'E'
  return 'idle'; // 'I'
}

/** What a client that vanished mid-way leaves behind is undone by: Sync (ends any extended-protocol cycle, and
 * its error state), then ROLLBACK (ends any transaction; outside one it only warns). */
export function resetMessages(): Buffer {
  const sync = Buffer.from([0x53, 0, 0, 0, 4]);
  const sqlText = Buffer.from('ROLLBACK\0', 'utf8');
  const query = Buffer.alloc(5);
  query[0] = 0x51; // 'Q'
  query.writeInt32BE(4 + sqlText.length, 1);
  return Buffer.concat([sync, query, sqlText]);
}
