import * as contract from '@ecm365/shared';

type JsonSchema = Record<string, unknown>;

const isComposite = (value: unknown): value is JsonSchema =>
  typeof value === 'object' &&
  value !== null &&
  ((value as JsonSchema).type === 'object' ||
    (value as JsonSchema).type === 'array' ||
    Array.isArray((value as JsonSchema).anyOf) ||
    Array.isArray((value as JsonSchema).allOf));

/**
 * The named schemas of the contract: every composite TypeBox schema exported by @ecm365/shared, under its export
 * name (so a new shared schema becomes a component without a further declaration). Path and query parameters are
 * left out: OpenAPI describes those as parameters, not as bodies.
 */
export function contractSchemas(): Record<string, JsonSchema> {
  const named: Record<string, JsonSchema> = {};
  // Sorted: a module namespace lists its names in order, vitest's transformed one in declaration order.
  for (const [name, value] of Object.entries(contract).sort(([a], [b]) => a.localeCompare(b))) {
    if (!/^[A-Z]/.test(name) || /(Params|Query)$/.test(name) || !isComposite(value)) continue;
    const { $id: _id, ...schema } = value as JsonSchema;
    named[name] = schema;
  }
  return named;
}

const DATA_KEYS = new Set(['example', 'examples', 'enum', 'const', 'default']);

/**
 * Replaces every subschema of `node` that equals a named schema by a `$ref` to it, outermost first, so a
 * generator sees one type per shape instead of ninety copies. `own` is the component being rewritten: its root
 * is not replaced by a reference to itself.
 */
export function referenceNamed(node: unknown, byJson: Map<string, string>, own?: string): unknown {
  if (Array.isArray(node)) return node.map((item) => referenceNamed(item, byJson));
  if (typeof node !== 'object' || node === null) return node;
  const name = byJson.get(JSON.stringify(node));
  if (name && name !== own) return { $ref: `#/components/schemas/${name}` };
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, DATA_KEYS.has(key) ? value : referenceNamed(value, byJson)]),
  );
}
