import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSpa } from './spa.js';

const script = `export const greeting = ${JSON.stringify('Willkommen im Kundenportal. '.repeat(100))};\n`;

describe('the web portal as the API serves it', () => {
  let distDir: string;
  beforeAll(async () => {
    distDir = await mkdtemp(path.join(tmpdir(), 'ecm365-spa-'));
    await mkdir(path.join(distDir, 'assets'));
    await writeFile(path.join(distDir, 'index.html'), '<!doctype html><div id="app"></div>');
    const asset = path.join(distDir, 'assets', 'index-abc123.js');
    await writeFile(asset, script);
    // As web/build/precompress.ts writes them next to the build's text files.
    await writeFile(`${asset}.br`, brotliCompressSync(script));
    await writeFile(`${asset}.gz`, gzipSync(script));
  });
  afterAll(() => rm(distDir, { recursive: true, force: true }));

  async function get(url: string, acceptEncoding?: string) {
    const app = Fastify();
    await registerSpa(app, distDir);
    const reply = await app.inject({
      method: 'GET',
      url,
      headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
    });
    await app.close();
    return reply;
  }

  it('sends the brotli copy of an asset to a browser that accepts it, then gzip, else the file itself', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);

    for (const reply of [br, gz, plain]) {
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toMatch(/javascript/);
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(reply.headers.vary).toMatch(/accept-encoding/i);
    }
  });

  it('still answers client-side routes with index.html, never cached', async () => {
    const reply = await get('/microsoft-365', 'gzip, br');
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toContain('<div id="app">');
    expect(reply.headers['cache-control']).toBe('no-cache');
  });
});
