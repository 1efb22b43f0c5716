import type { ErrorCode } from '@ecm365/shared';
import { contractSchemas, referenceNamed } from './openapi-components.js';
import { ERROR_CATALOG } from './openapi-errors.js';
import { errorExample, SCHEMA_EXAMPLES } from './openapi-examples.js';

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  responses: Record<string, Json>;
  'x-errors'?: Record<string, ErrorCode[]>;
  'x-response-headers'?: Record<string, string[]>;
}

const SUCCESS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '204': 'Done; no content',
  '302': 'Redirect to the Location header',
  '303': 'Redirect to the Location header (see other)',
  '503': 'Not ready',
};

export const HEADERS: Record<string, Json> = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 1 },
  },
  'Set-Cookie': {
    description:
      'The session cookie (HttpOnly, SameSite=Lax; over https Secure and named __Host-ecm365_session). ' +
      'Logout clears it.',
    schema: { type: 'string' },
  },
  Location: { description: 'Where the browser goes next.', schema: { type: 'string' } },
  'X-Request-Id': {
    description: 'The id of this request in the logs: the caller’s own X-Request-Id when sane, else a new UUID.',
    schema: { type: 'string' },
  },
};

const pascal = (code: string) => code.replace(/(^|_)([a-z])/g, (_match, _sep, letter: string) => letter.toUpperCase());

function errorResponse(status: string, codes: ErrorCode[]): Json {
  const described = codes.map((code) => `\`${code}\`: ${ERROR_CATALOG[code].description}`).join(' ');
  const description = status === '415' ? `Unsupported Content-Type (\`validation_failed\`).` : described;
  return {
    description,
    headers: {
      'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
      ...(status === '429' || status === '503' ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {}),
    },
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/ErrorBody' },
        examples: Object.fromEntries(codes.map((code) => [code, { $ref: `#/components/examples/${code}` }])),
      },
    },
  };
}

/** The error responses of every operation from its `x-errors`, one shared response object per single code. */
function documentErrors(paths: Record<string, Record<string, Operation>>, responses: Json): void {
  for (const operations of Object.values(paths))
    for (const operation of Object.values(operations)) {
      const errors = operation['x-errors'] ?? {};
      delete operation['x-errors'];
      for (const [status, codes] of Object.entries(errors)) {
        if (operation.responses[status]) continue; // documented by the route itself (e.g. /metrics)
        const name = status === '415' ? 'UnsupportedMediaType' : codes.length === 1 ? pascal(codes[0] as string) : '';
        if (!name) {
          operation.responses[status] = errorResponse(status, codes);
          continue;
        }
        responses[name] ??= errorResponse(status, codes);
        operation.responses[status] = { $ref: `#/components/responses/${name}` };
      }
      operation.responses = Object.fromEntries(
        Object.entries(operation.responses).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
}

/** Descriptions instead of "Default Response", and the headers a route named for its success responses. */
function documentSuccess(paths: Record<string, Record<string, Operation>>): void {
  for (const operations of Object.values(paths))
    for (const operation of Object.values(operations)) {
      const headers = operation['x-response-headers'] ?? {};
      delete operation['x-response-headers'];
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response.$ref) continue;
        if (response.description === 'Default Response') response.description = SUCCESS[status] ?? 'Success';
        const named = headers[status] ?? [];
        if (named.length > 0)
          response.headers = Object.fromEntries(
            named.map((header) => [header, { $ref: `#/components/headers/${header}` }]),
          );
      }
    }
}

/**
 * @fastify/swagger's transformObject: turns the generated document into one for code generators — shared schemas
 * as components referenced by `$ref`, each route's own error responses, examples, headers.
 */
export function shapeDocument({ openapiObject }: { openapiObject: Json }): Json {
  const document = structuredClone(openapiObject) as Json & {
    paths: Record<string, Record<string, Operation>>;
    components: Json & { schemas: Record<string, Json> };
  };
  const named = Object.keys(contractSchemas());
  const byJson = new Map<string, string>();
  for (const name of named) {
    const key = JSON.stringify(document.components.schemas[name]);
    if (!byJson.has(key)) byJson.set(key, name);
  }
  document.components.schemas = Object.fromEntries(
    Object.entries(document.components.schemas)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, schema]) => [name, referenceNamed(schema, byJson, name) as Json]),
  );
  document.paths = referenceNamed(document.paths, byJson) as typeof document.paths;
  for (const [name, example] of Object.entries(SCHEMA_EXAMPLES)) {
    const schema = document.components.schemas[name];
    if (schema) schema.example = example;
  }

  const responses: Json = {};
  documentErrors(document.paths, responses);
  documentSuccess(document.paths);
  document.components.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
  document.components.headers = HEADERS;
  // Examples of the codes some route answers (a code no route throws, e.g. ms365_unavailable, has none).
  const used = new Set(JSON.stringify(document).match(/#\/components\/examples\/\w+/g) ?? []);
  document.components.examples = Object.fromEntries(
    (Object.keys(ERROR_CATALOG) as ErrorCode[])
      .filter((code) => used.has(`#/components/examples/${code}`))
      .map((code) => [code, errorExample(code)]),
  );
  return document;
}
