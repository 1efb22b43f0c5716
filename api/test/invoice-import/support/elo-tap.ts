import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of the ELO emulator that can stop the world at one IX call: when the answer to
 * `IXServicePortIF/<fn>` comes back from ELO (so ELO did the work), `onAnswer` runs before the answer is passed on
 * — e.g. to SIGKILL the worker that is waiting for it — and the client's connection is then dropped. The Host header
 * is kept, so the upload URLs ELO hands out point at the proxy too.
 */
export interface EloTap {
  /** `http://127.0.0.1:PORT/ix-<repository>/rest`. */
  baseUrl(repository: string): string;
  /** Arms the tap for the next answer of `fn` (once). Resolves when it fired. */
  stopAfter(fn: string, onAnswer: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function startEloTap(eloOrigin: string): Promise<EloTap> {
  const upstream = new URL(eloOrigin);
  let armed: { fn: string; onAnswer: () => Promise<void>; fired: () => void } | undefined;
  const server = http.createServer((req, res) => {
    const fn = /\/IXServicePortIF\/([A-Za-z]+)/.exec(req.url ?? '')?.[1];
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const tap = armed && fn === armed.fn ? armed : undefined;
          if (tap) {
            armed = undefined;
            void tap.onAnswer().finally(() => {
              req.socket.destroy();
              tap.fired();
            });
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: (repository) => `http://127.0.0.1:${port}/ix-${repository}/rest`,
    stopAfter(fn, onAnswer) {
      return new Promise<void>((resolve) => {
        armed = { fn, onAnswer, fired: resolve };
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
