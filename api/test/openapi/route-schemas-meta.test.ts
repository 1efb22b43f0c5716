import { Ajv, type AnySchema } from 'ajv';
import type { RouteOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocumentAndRoutes } from '../../src/http/openapi-document.js';

/**
 * The app's Ajv skips the meta-schema check of route schemas at start (`validateSchema: false` in app.ts, 0.34 s
 * of a warm start): this test does that check instead, so a malformed schema still fails CI.
 */
const { routes } = await buildOpenApiDocumentAndRoutes();

// The same Ajv and draft (JSON Schema draft-07) as Fastify's; its meta-schema check is on by default.
const metaCheck = new Ajv({ strict: false });

function schemasOf(route: RouteOptions): Array<[string, unknown]> {
  const schema = (route.schema ?? {}) as Record<string, unknown>;
  const parts: Array<[string, unknown]> = [];
  for (const part of ['body', 'querystring', 'params', 'headers'] as const) {
    if (schema[part] !== undefined) parts.push([part, schema[part]]);
  }
  for (const [status, response] of Object.entries((schema.response ?? {}) as Record<string, unknown>)) {
    parts.push([`response ${status}`, response]);
  }
  return parts;
}

function metaSchemaErrors(schema: unknown): string[] {
  if (metaCheck.validateSchema(schema as AnySchema)) return [];
  return (metaCheck.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

describe('route schemas against the JSON-Schema meta-schema', () => {
  it('the check finds a malformed schema', () => {
    expect(metaSchemaErrors({ type: 'object', properties: { name: { type: 'strin' } } })).not.toEqual([]);
    expect(metaSchemaErrors({ type: 'object', required: 'name' })).not.toEqual([]);
    expect(metaSchemaErrors({ type: 'object', properties: { name: { type: 'string', minLength: 1 } } })).toEqual([]);
  });

  it('every registered route schema is a valid JSON Schema', () => {
    const checked = routes.flatMap((route) =>
      schemasOf(route).map(([part, schema]) => ({
        where: `${String(route.method)} ${route.url} ${part}`,
        errors: metaSchemaErrors(schema),
      })),
    );
    // Enough parts that the routes were found at all (bodies, parameters and responses of the whole API).
    expect(checked.length).toBeGreaterThan(50);
    expect(checked.filter((entry) => entry.errors.length > 0)).toEqual([]);
  });
});
