import { readFile } from 'node:fs/promises';
import * as contract from '@ecm365/shared';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS, { astToString } from 'openapi-typescript';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import * as domainErrors from '../../src/errors/domain-errors.js';
import { buildOpenApiDocumentAndRoutes } from '../../src/http/openapi-document.js';
import { ERROR_CATALOG } from '../../src/http/openapi-errors.js';
import { SCHEMA_EXAMPLES } from '../../src/http/openapi-examples.js';

type Json = Record<string, unknown>;
type Media = { schema?: Json; examples?: Record<string, { $ref: string }> };
type Response = { $ref?: string; description?: string; headers?: Json; content?: Record<string, Media> };
type Operation = {
  operationId?: string;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, Response>;
  security?: Array<Record<string, string[]>>;
};

const { document, routes } = await buildOpenApiDocumentAndRoutes();
const paths = document.paths as Record<string, Record<string, Operation>>;
const components = document.components as {
  schemas: Record<string, Json>;
  responses: Record<string, Response>;
  examples: Record<string, { value: { error: { code: string } } }>;
  securitySchemes: Record<string, unknown>;
  headers: Record<string, unknown>;
};

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
  'GET /api/v1/api-tokens/current',
  'POST /api/v1/ms365/connection/access-token',
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

/** Routes with a per-tenant or per-address limit of their own (SPEC: failed logins, connect attempts, wrong MS365 codes, connection tests, new API tokens). */
const LIMITED = [
  'POST /api/v1/auth/login',
  'POST /api/v1/ms365/connect',
  'POST /api/v1/ms365/connection',
  'POST /api/v1/ms365/connection/test',
  'POST /api/v1/api-tokens',
];

const operations = Object.entries(paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, op })),
);
const apiOperations = operations.filter((operation) => operation.path.startsWith('/api/'));
const documentedRoutes = routes.filter((route) => !route.schema?.hide && route.method !== 'HEAD');

const resolve = (response: Response): Response =>
  response.$ref ? (components.responses[response.$ref.split('/').pop() as string] as Response) : response;
const codesOf = (op: Operation, status: string): string[] =>
  Object.keys(resolve(op.responses[status] ?? {}).content?.['application/json']?.examples ?? {});
const allCodes = (op: Operation) => Object.keys(op.responses).flatMap((status) => codesOf(op, status));

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const result = await new Validator().validate(document as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('covers every route of the contract, and nothing undocumented hides in it', () => {
    expect(operations.map((operation) => operation.key).sort()).toEqual([...CONTRACT].sort());
  });

  it('names every operation with a unique camelCase operationId', () => {
    const ids = operations.map(({ key, op }) => {
      expect(op.operationId, key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      return op.operationId;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves relative, so "Try it out" calls the tenant host the document came from', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('has every route declare the error codes it answers itself', () => {
    for (const route of documentedRoutes)
      expect(route.schema?.errors?.length ?? 0, `${String(route.method)} ${route.url}`).toBeGreaterThan(0);
  });

  it('documents each error status with the one error body and an example of each code it can carry', () => {
    for (const { key, op } of apiOperations) {
      expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(['500', '503']));
      for (const [status, response] of Object.entries(op.responses).filter(([status]) => Number(status) >= 400)) {
        const media = resolve(response).content?.['application/json'];
        expect(media?.schema, `${key} ${status}`).toEqual({ $ref: '#/components/schemas/ErrorBody' });
        for (const code of codesOf(op, status)) {
          expect(components.examples[code]?.value.error.code).toBe(code);
          expect(String(ERROR_CATALOG[code as contract.ErrorCode].status), `${key} ${code}`).toBe(
            status === '415' ? String(ERROR_CATALOG[code as contract.ErrorCode].status) : status,
          );
        }
      }
    }
    // The error body is one component, never inlined into an operation.
    expect(JSON.stringify(paths)).not.toContain('correlationId');
  });

  it('answers only its own codes: no route lists every code', () => {
    for (const { key, op } of apiOperations)
      expect(allCodes(op).length, key).toBeLessThan(contract.ERROR_CODES.length / 2);
    expect(allCodes(paths['/api/v1/auth/login']!.post!)).toContain('invalid_credentials');
    expect(allCodes(paths['/api/v1/ms365/connection']!.get!)).not.toContain('invalid_credentials');
    expect(allCodes(paths['/api/v1/ms365/connection']!.post!)).toEqual(
      expect.arrayContaining(['invalid_code_format', 'invalid_code']),
    );
    expect(allCodes(paths['/api/v1/webhooks']!.post!)).toEqual(
      expect.arrayContaining(['webhook_url_not_allowed', 'webhook_limit_reached']),
    );
  });

  it('answers 401 where authentication applies, 403 csrf_failed on unsafe cookie requests and 429 where a limit applies', () => {
    for (const { key, method, op } of apiOperations) {
      const schemes = (op.security ?? []).flatMap((requirement) => Object.keys(requirement));
      if (schemes.length > 0) expect(codesOf(op, '401'), key).toContain('not_authenticated');
      if (schemes.includes('csrfToken') && method !== 'get') expect(codesOf(op, '403'), key).toContain('csrf_failed');
      if (schemes.includes('bearerToken')) expect(codesOf(op, '429'), key).toContain('too_many_attempts');
    }
    for (const key of LIMITED) {
      const [method, path] = key.split(' ') as [string, string];
      expect(codesOf(paths[path]![method.toLowerCase()]!, '429'), key).toContain('too_many_attempts');
      expect(resolve(paths[path]![method.toLowerCase()]!.responses['429']!).headers, key).toHaveProperty('Retry-After');
    }
    for (const route of documentedRoutes.filter((candidate) =>
      [candidate.onRequest ?? []].flat().some((hook) => hook.name === 'requireMs365Access'),
    ))
      expect(
        codesOf(paths[route.url.replace(/:(\w+)/g, '{$1}')]![String(route.method).toLowerCase()]!, '403'),
      ).toContain('access_denied');
  });

  it('gives every DomainError the status the document says for its code', () => {
    // Arguments for the classes whose first parameter is not optional; every other class is made without any.
    const args: Record<string, unknown[]> = {
      TooManyAttemptsError: [1],
      EloUnavailableError: ['x'],
      ServiceUnavailableError: ['x'],
      WebhookUrlNotAllowedError: ['x'],
      WebhookLimitReachedError: [1],
      ImportConflictError: ['import_disabled', 'error.import_disabled'],
      InsufficientScopeError: ['ms365:read'],
    };
    for (const [name, ErrorClass] of Object.entries(domainErrors)) {
      if (name === 'DomainError') continue;
      const error = new (ErrorClass as new (...args: unknown[]) => domainErrors.DomainError)(...(args[name] ?? []));
      expect(error.statusCode, name).toBe(ERROR_CATALOG[error.code].status);
    }
  });

  it('describes every response (no "Default Response")', () => {
    for (const { key, op } of operations)
      for (const [status, response] of Object.entries(op.responses)) {
        expect(resolve(response).description, `${key} ${status}`).toBeTruthy();
        expect(resolve(response).description, `${key} ${status}`).not.toBe('Default Response');
      }
  });

  it('references the shared schemas as components, each request and response with an example', () => {
    for (const { key, op } of apiOperations) {
      const media = [
        op.requestBody?.content['application/json'],
        ...Object.entries(op.responses)
          .filter(([status]) => Number(status) < 300)
          .map(([, response]) => response.content?.['application/json']),
      ].filter((entry): entry is Media => entry?.schema !== undefined);
      for (const { schema } of media) {
        const name = String(schema?.$ref).split('/').pop() as string;
        expect(schema?.$ref, key).toMatch(/^#\/components\/schemas\//);
        expect(components.schemas[name]?.example, `${key}: example of ${name}`).toBeDefined();
      }
    }
    for (const [name, example] of Object.entries(SCHEMA_EXAMPLES)) {
      const schema = (contract as unknown as Record<string, Parameters<typeof Value.Check>[0]>)[name];
      expect(schema, name).toBeDefined();
      expect(
        [...Value.Errors(schema!, example)].map((error) => error.message),
        name,
      ).toEqual([]);
    }
  });

  it('names the auth schemes, and the scope a bearer token needs', () => {
    expect(Object.keys(components.securitySchemes).sort()).toEqual([
      'bearerToken',
      'csrfToken',
      'metricsToken',
      'sessionCookie',
    ]);
    for (const { key, op } of apiOperations.filter(
      (operation) =>
        /^\/api\/v1\/(ms365|webhooks|notifications)/.test(operation.path) &&
        !operation.path.endsWith('/callback') &&
        !operation.path.endsWith('/access-token'),
    )) {
      expect(op.security?.[0], key).toEqual({ sessionCookie: [], csrfToken: [] });
      expect(Object.keys(op.security?.[1] ?? {}), key).toEqual(['bearerToken']);
    }
    expect(paths['/api/v1/webhooks']?.post?.security?.[1]).toEqual({ bearerToken: ['webhooks:write'] });
    expect(paths['/api/v1/notifications']?.get?.security?.[1]).toEqual({ bearerToken: ['ms365:read'] });
    expect(paths['/api/v1/api-tokens']?.post?.security).toEqual([{ sessionCookie: [], csrfToken: [] }]);
    // For API tokens only (SPEC §10): a browser session gets 403 insufficient_scope / 401.
    expect(paths['/api/v1/ms365/connection/access-token']?.post?.security).toEqual([{ bearerToken: ['ms365:token'] }]);
    expect(paths['/api/v1/api-tokens/current']?.get?.security).toEqual([{ bearerToken: [] }]);
  });

  it('documents the headers: Set-Cookie of login and logout, Location of redirects, webhook signatures', () => {
    expect(paths['/api/v1/auth/login']?.post?.responses['200']?.headers).toHaveProperty('Set-Cookie');
    expect(paths['/api/v1/auth/logout']?.post?.responses['204']?.headers).toHaveProperty('Set-Cookie');
    expect(paths['/api/v1/ms365/connect/{attemptId}/authorize']?.get?.responses['302']?.headers).toHaveProperty(
      'Location',
    );
    const webhooks = (document.tags as Array<{ name: string; description: string }>).find(
      (tag) => tag.name === 'webhooks',
    );
    for (const header of ['webhook-id', 'webhook-timestamp', 'webhook-signature'])
      expect(webhooks?.description).toContain(header);
    expect(JSON.stringify(components.securitySchemes)).toContain('x-csrf-token');
  });

  it('is what docs/openapi.json and @ecm365/client say (regenerate with pnpm --filter @ecm365/api openapi)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(document);
    const types = await readFile(new URL('../../../client/src/generated/ecm365-api.ts', import.meta.url), 'utf8');
    expect(types.slice(types.indexOf('\n') + 1)).toBe(astToString(await openapiTS(document as never)));
  });
});
