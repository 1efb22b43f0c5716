import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import {
  FrontendFramer,
  ReadyForQueryWatcher,
  resetMessages,
  type FrontendMessage,
  type TransactionStatus,
} from './wire-frames.js';

/**
 * Serves one PGlite database to many Postgres clients (the app's pg pool, pg-boss) over the wire protocol.
 *
 * PGlite is a single Postgres session. Several clients can share it only if each gets it for a whole query cycle
 * at a time, and for the whole of a transaction: an extended-protocol cycle (Parse, Bind, Describe, Execute, Sync)
 * keeps its unnamed statement and portal in the session until ReadyForQuery, a transaction until it ends. So a
 * client that starts a turn owns the database until an answer of the database ends with ReadyForQuery "idle";
 * the others wait in line (first come, first served) with their messages. A client that vanishes while it owns
 * the database has its cycle and transaction undone (Sync, ROLLBACK) before the next one's turn; one that holds a
 * transaction open and sends nothing for `idleInTransactionTimeoutMs` is cut off the same way, so a stuck client
 * turns into its own error instead of stalling every other one.
 *
 * Written here because @electric-sql/pglite-socket 0.2.x queues single messages, not cycles, and keeps a client
 * only while PGlite reports an open transaction: concurrent clients' Parse/Bind interleave ("unnamed prepared
 * statement does not exist", or rows of another client's statement), and one failed call stops its queue for good
 * (electric-sql/pglite issue 1046). What one session cannot separate stays shared by all clients: named prepared
 * statements, SET, session advisory locks, LISTEN and temporary tables (the app uses none of them across clients).
 */
export interface PgliteWireServerOptions {
  /** Default 30 s. */
  idleInTransactionTimeoutMs?: number;
  /** Problems of one client (a protocol violation, an idle transaction cut off, PGlite failing a call). */
  onProblem?: (message: string, error?: unknown) => void;
}

type Pending = { kind: 'startup' | 'messages'; bytes: Buffer } | { kind: 'terminate' };

class WireClient {
  readonly framer = new FrontendFramer();
  /** Work for the client's next turns, in arrival order. */
  pending: Pending[] = [];
  open = true;
  inLine = false;
  idleTimer: NodeJS.Timeout | undefined;

  constructor(readonly socket: Socket) {}
}

export class PgliteWireServer {
  private readonly server: Server;
  private readonly clients = new Set<WireClient>();
  private readonly line: WireClient[] = [];
  /** The client whose transaction or query cycle is open in the session; no one else's messages run meanwhile. */
  private owner: WireClient | undefined;
  private running = false;
  private drained: Promise<void> = Promise.resolve();
  private readonly idleLimitMs: number;
  private readonly onProblem: (message: string, error?: unknown) => void;

  constructor(
    private readonly db: PGlite,
    options: PgliteWireServerOptions = {},
  ) {
    this.idleLimitMs = options.idleInTransactionTimeoutMs ?? 30_000;
    this.onProblem = options.onProblem ?? (() => {});
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Listens on host:port (0 picks a free port); answers the port. */
  async listen(host: string, port: number): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Stops accepting, disconnects every client (undoing an open transaction) and waits until PGlite is idle. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const client of this.clients) client.socket.destroy();
    await closed;
    while (this.running) await this.drained;
  }

  private accept(socket: Socket): void {
    const client = new WireClient(socket);
    this.clients.add(client);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(client, chunk));
    socket.on('error', () => {}); // 'close' follows and cleans up
    socket.on('close', () => this.disconnected(client));
  }

  private receive(client: WireClient, chunk: Buffer): void {
    let messages: FrontendMessage[];
    try {
      messages = client.framer.push(chunk);
    } catch (error) {
      this.onProblem('embedded database: a client broke the wire protocol; disconnected it', error);
      client.socket.destroy();
      return;
    }
    for (const message of messages) {
      if (message.kind === 'encryption-request') client.socket.write('N');
      else if (message.kind === 'cancel-request') this.hangUp(client);
      else if (message.kind === 'terminate') client.pending.push({ kind: 'terminate' });
      else if (message.kind === 'startup') client.pending.push({ kind: 'startup', bytes: message.bytes });
      else {
        const last = client.pending.at(-1);
        if (last?.kind === 'messages') last.bytes = Buffer.concat([last.bytes, message.bytes]);
        else client.pending.push({ kind: 'messages', bytes: message.bytes });
      }
    }
    if (client.pending.length > 0) this.wantsTurn(client);
  }

  private wantsTurn(client: WireClient): void {
    if (client === this.owner) clearTimeout(client.idleTimer);
    else if (!client.inLine) {
      client.inLine = true;
      this.line.push(client);
    }
    this.pump();
  }

  private pump(): void {
    if (this.running) return;
    this.running = true;
    this.drained = (async () => {
      try {
        for (let client = this.nextTurn(); client; client = this.nextTurn()) await this.turn(client);
      } finally {
        this.running = false;
      }
    })();
  }

  private nextTurn(): WireClient | undefined {
    if (this.owner) return this.owner.pending.length > 0 ? this.owner : undefined;
    for (let client = this.line.shift(); client; client = this.line.shift()) {
      client.inLine = false;
      if (client.pending.length > 0) return client;
    }
    return undefined;
  }

  /** Runs the client's next piece of work with the database to itself. */
  private async turn(client: WireClient): Promise<void> {
    const work = client.pending.shift() as Pending;
    if (work.kind === 'terminate') {
      // The client ends its session: what it left open is undone when its socket has closed.
      client.pending = [];
      this.hangUp(client);
      return;
    }
    this.owner = client;
    const watcher = new ReadyForQueryWatcher();
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(work.bytes, {
          onRawData: (data) => {
            watcher.feed(data);
            // PGlite hands out a view of its memory: copy before it is reused.
            if (client.open) client.socket.write(Buffer.from(data));
          },
        }),
      );
    } catch (error) {
      this.onProblem('embedded database: PGlite failed a request; disconnected its client', error);
      this.owner = undefined;
      client.pending = [];
      client.socket.destroy();
      return;
    }
    this.afterTurn(client, watcher.status);
  }

  private afterTurn(client: WireClient, status: TransactionStatus | undefined): void {
    if (status === 'idle' || (!client.open && client.pending.length === 0)) {
      this.owner = undefined;
      if (client.open && client.pending.length > 0) this.wantsTurn(client);
      return;
    }
    if (client.open && client.pending.length === 0) {
      client.idleTimer = setTimeout(() => {
        this.onProblem(
          `embedded database: a client kept a transaction open and idle for ${this.idleLimitMs} ms; ` +
            'rolled it back and disconnected the client',
        );
        client.socket.destroy();
      }, this.idleLimitMs);
      client.idleTimer.unref();
    }
  }

  /** Closes the connection once what was written to it has gone out. */
  private hangUp(client: WireClient): void {
    client.socket.end(() => client.socket.destroy());
  }

  private disconnected(client: WireClient): void {
    if (!client.open) return;
    client.open = false;
    clearTimeout(client.idleTimer);
    this.clients.delete(client);
    if (client === this.owner) {
      client.pending = [{ kind: 'messages', bytes: resetMessages() }];
      this.pump();
    } else {
      client.pending = [];
    }
  }
}
