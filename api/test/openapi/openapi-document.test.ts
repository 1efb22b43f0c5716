import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../src/http/openapi-document.js';

type Operation = {
  responses: Record<string, { content?: Record<string, { schema: { properties?: Record<string, unknown> } }> }>;
  security?: unknown[];
};
type Paths = Record<string, Record<string, Operation>>;

const document = await buildOpenApiDocument();
const paths = document.paths as Paths;

/** The contract of SPEC §3 plus the API tokens of the ops issue and SPEC §10's webhooks and notifications: every one must be documented. */
const CONTRACT = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/session',
  'GET /api/v1/ms365/access',
  'POST /api/v1/ms365/connect',
  'GET /api/v1/ms365/connect/{attemptId}',
  'GET /api/v1/ms365/connect/{attemptId}/authorize',
  'GET /api/v1/ms365/callback',
  'GET /api/v1/ms365/connect/{attemptId}/code',
  'POST /api/v1/ms365/connection',
  'GET /api/v1/ms365/connection',
  'POST /api/v1/ms365/connection/test',
  'DELETE /api/v1/ms365/connection',
  'PUT /api/v1/ms365/features/invoice-mail-import',
  'GET /api/v1/ms365/features/invoice-mail-import',
  'GET /api/v1/ms365/features/invoice-mail-import/messages',
  'POST /api/v1/ms365/features/invoice-mail-import/run',
  'POST /api/v1/ms365/features/invoice-mail-import/messages/{id}/retry',
  'POST /api/v1/api-tokens',
  'GET /api/v1/api-tokens',
  'DELETE /api/v1/api-tokens/{id}',
  'POST /api/v1/webhooks',
  'GET /api/v1/webhooks',
  'DELETE /api/v1/webhooks/{id}',
  'GET /api/v1/webhooks/{id}/deliveries',
  'POST /api/v1/webhooks/{id}/test',
  'GET /api/v1/notifications',
  'PUT /api/v1/notifications',
  'GET /healthz',
  'GET /readyz',
  'GET /metrics',
];

const operations = Object.entries(paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, path, op })),
);

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const result = await new Validator().validate(document as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('covers every route of the contract, and nothing undocumented hides in it', () => {
    expect(operations.map((operation) => operation.key).sort()).toEqual([...CONTRACT].sort());
  });

  it('documents the error format for every error status of every API route', () => {
    for (const { key, op } of operations.filter((operation) => operation.path.startsWith('/api/'))) {
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      expect(
        errors.map(([status]) => status),
        key,
      ).toEqual(expect.arrayContaining(['500', '503']));
      for (const [status, response] of errors) {
        const schema = response.content?.['application/json']?.schema;
        expect(Object.keys(schema?.properties ?? {}), `${key} ${status}`).toEqual(['error']);
      }
    }
  });

  it('names the auth scheme of every authenticated API route', () => {
    const schemes = (document.components as { securitySchemes: Record<string, unknown> }).securitySchemes;
    expect(Object.keys(schemes).sort()).toEqual(['bearerToken', 'csrfToken', 'sessionCookie']);
    for (const { key, op } of operations.filter(
      (operation) =>
        /^\/api\/v1\/(ms365|webhooks|notifications)/.test(operation.path) && !operation.path.endsWith('/callback'),
    )) {
      expect(op.security, key).toEqual([{ sessionCookie: [], csrfToken: [] }, { bearerToken: [] }]);
    }
    expect(paths['/api/v1/api-tokens']?.post?.security).toEqual([{ sessionCookie: [], csrfToken: [] }]);
  });

  it('is what docs/openapi.json and the generated client types say (regenerate with pnpm --filter @ecm365/api openapi)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(document);
    const types = await readFile(new URL('./generated/ecm365-api.ts', import.meta.url), 'utf8');
    expect(types.slice(types.indexOf('\n') + 1)).toBe(astToString(await openapiTS(document as never)));
  });
});
