// Writes the OpenAPI document and the TypeScript types of @ecm365/client generated from it (openapi-typescript).
// The test suite checks that both are current: `pnpm --filter @ecm365/api openapi`.
import { writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument } from '../src/http/openapi-document.js';

const document = await buildOpenApiDocument();
const types = astToString(await openapiTS(document as never));
const header =
  '// Generated from GET /openapi.json by openapi-typescript (pnpm --filter @ecm365/api openapi). Do not edit.\n';
await writeFile(new URL('../../docs/openapi.json', import.meta.url), `${JSON.stringify(document, null, 2)}\n`);
await writeFile(new URL('../../client/src/generated/ecm365-api.ts', import.meta.url), header + types);
console.log('wrote docs/openapi.json and client/src/generated/ecm365-api.ts');
