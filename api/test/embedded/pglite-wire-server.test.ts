import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PgliteWireServer } from '../../src/db/pglite-wire-server.js';

let db: PGlite;
let server: PgliteWireServer;
let url: string;
let problems: string[];
const pools: pg.Pool[] = [];
const clients: pg.Client[] = [];

async function serve(options: { idleInTransactionTimeoutMs?: number } = {}) {
  problems = [];
  server = new PgliteWireServer(db, { ...options, onProblem: (message) => problems.push(message) });
  url = `postgres://postgres@127.0.0.1:${await server.listen('127.0.0.1', 0)}/postgres`;
  await db.exec('update counter set value = 0');
}

function pool(size: number): pg.Pool {
  const created = new pg.Pool({ connectionString: url, max: size, connectionTimeoutMillis: 10_000 });
  created.on('error', () => {});
  pools.push(created);
  return created;
}

async function client(): Promise<pg.Client> {
  const created = new pg.Client({ connectionString: url });
  created.on('error', () => {});
  clients.push(created);
  await created.connect();
  return created;
}

/** The socket under a pg client, to cut it off the way a crashed process would. */
const socketOf = (c: pg.Client) => (c as unknown as { connection: { stream: Socket } }).connection.stream;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec('create table counter (id int primary key, value int not null); insert into counter values (1, 0);');
});
afterAll(() => db.close());
beforeEach(() => serve());
afterEach(async () => {
  for (const c of clients.splice(0)) await c.end().catch(() => {});
  for (const p of pools.splice(0)) await p.end().catch(() => {});
  await server.close();
});

describe('the embedded database served to many clients', () => {
  it('answers every client its own rows while parameterised queries and transactions of many clients overlap', async () => {
    const shared = pool(10);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, async (_, i) => {
        if (i % 3 === 0) {
          const c = await shared.connect();
          try {
            await c.query('begin');
            await c.query('update counter set value = value + $1 where id = $2', [1, 1]);
            const { rows } = await c.query<{ value: number }>('select value from counter where id = $1', [1]);
            await c.query('commit');
            return rows.length === 1;
          } finally {
            c.release();
          }
        }
        const { rows } = await shared.query<{ n: number; label: string }>('select $1::int as n, $2::text as label', [
          i,
          `request ${i}`,
        ]);
        return rows[0]?.n === i && rows[0]?.label === `request ${i}`;
      }),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
    expect(outcomes.every((outcome) => outcome.status === 'fulfilled' && outcome.value)).toBe(true);
    const { rows } = await shared.query<{ value: number }>('select value from counter where id = 1');
    expect(rows[0]?.value).toBe(67);
  });

  it("runs another client's statements only after a transaction has ended, never inside it", async () => {
    const [a, b] = [await client(), await client()];
    await a.query('begin');
    await a.query('update counter set value = $1 where id = 1', [99]);
    let seen: number | undefined;
    const read = b.query<{ value: number }>('select value from counter where id = $1', [1]).then(({ rows }) => {
      seen = rows[0]?.value;
    });
    await sleep(100);
    expect(seen).toBeUndefined();
    await a.query('rollback');
    await read;
    expect(seen).toBe(0);
  });

  it('keeps an extended-protocol cycle sent in pieces apart from a query another client sends in between', async () => {
    const [raw, other] = [await RawClient.open(url), await client()];
    raw.send(parse('select $1::text as v'), bind('hello'));
    await raw.until('2'); // BindComplete: the cycle is open, its unnamed statement and portal live in the session
    const between = other.query<{ v: string }>('select $1::text as v', ['other']);
    await sleep(100);
    raw.send(execute(), sync());
    const answer = await raw.until('Z');
    expect(answer.dataRows).toEqual(['hello']);
    expect((await between).rows).toEqual([{ v: 'other' }]);
    raw.close();
  });

  it("undoes the open transaction of a client that vanishes, and the others' work goes on outside it", async () => {
    const [vanishing, next] = [await client(), await client()];
    await vanishing.query('begin');
    await vanishing.query('update counter set value = $1 where id = 1', [42]);
    const waiting = next.query<{ value: number }>('select value from counter where id = $1', [1]);
    socketOf(vanishing).destroy();
    expect((await waiting).rows).toEqual([{ value: 0 }]);
    await next.query('update counter set value = $1 where id = 1', [7]);
    const third = await client();
    expect((await third.query('select value from counter where id = 1')).rows).toEqual([{ value: 7 }]);
  });

  it('cuts off a client that keeps a transaction open and idle, so that the others are answered', async () => {
    await server.close();
    await serve({ idleInTransactionTimeoutMs: 300 });
    const [idle, next] = [await client(), await client()];
    await idle.query('begin');
    await idle.query('update counter set value = 5 where id = 1');
    expect((await next.query('select value from counter where id = 1')).rows).toEqual([{ value: 0 }]);
    await expect(idle.query('commit')).rejects.toThrow();
    expect(problems.join('\n')).toContain('idle');
  });

  it("answers one client's failing statement with its error and leaves the other clients' cycles alone", async () => {
    const shared = pool(4);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 ? shared.query('select $1::int as n from no_such_table', [i]) : shared.query('select $1::int as n', [i]),
      ),
    );
    outcomes.forEach((outcome, i) => {
      if (i % 2) expect(outcome.status === 'rejected' && String(outcome.reason)).toContain('no_such_table');
      else expect(outcome.status === 'fulfilled' && outcome.value.rows).toEqual([{ n: i }]);
    });
  });
});

// --- a client that writes the protocol by hand, to split a cycle where pg never would ---------------------------

function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header[0] = type.charCodeAt(0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
const text = (value: string) => Buffer.from(`${value}\0`, 'utf8');
const int16 = (value: number) => Buffer.from([value >> 8, value & 255]);
const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return bytes;
};
const parse = (sql: string) => message('P', text(''), text(sql), int16(0));
const bind = (value: string) =>
  message('B', text(''), text(''), int16(0), int16(1), int32(Buffer.byteLength(value)), Buffer.from(value), int16(0));
const execute = () => message('E', text(''), int32(0));
const sync = () => message('S');

class RawClient {
  private received = Buffer.alloc(0);
  private waiter: (() => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.waiter?.();
    });
  }

  static async open(url: string): Promise<RawClient> {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const client = new RawClient(socket);
    const params = Buffer.concat([text('user'), text('postgres'), text('database'), text('postgres'), text('')]);
    socket.write(Buffer.concat([int32(8 + params.length), int32(196608), params]));
    await client.until('Z');
    return client;
  }

  send(...messages: Buffer[]): void {
    this.socket.write(Buffer.concat(messages));
  }

  /** Reads messages until one of `type` arrives; answers the text values of the DataRows on the way. */
  async until(type: string): Promise<{ dataRows: string[] }> {
    const dataRows: string[] = [];
    for (;;) {
      while (this.received.length >= 5 && this.received.length >= 1 + this.received.readInt32BE(1)) {
        const length = this.received.readInt32BE(1);
        const current = this.received.subarray(0, 1 + length);
        this.received = this.received.subarray(1 + length);
        const kind = String.fromCharCode(current[0] as number);
        if (kind === 'D') dataRows.push(current.subarray(11, 11 + current.readInt32BE(7)).toString('utf8'));
        if (kind === 'E') throw new Error(`error answer: ${current.toString('utf8')}`);
        if (kind === type) return { dataRows };
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  close(): void {
    this.socket.end(message('X'));
  }
}
