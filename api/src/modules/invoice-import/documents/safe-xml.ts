import { message, type Message } from '@ecm365/shared';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InspectionNote } from './document-types.js';

/**
 * XML from strangers, parsed safely: a size cap, no DTD at all (so no external entities and no entity expansion
 * such as "billion laughs"), only the five predefined entities and character references decoded, and the result
 * resolved into namespaces, because e-invoices are recognised by namespace URI, not by prefix.
 */
export interface XmlElement {
  /** Namespace URI ('' when none). */
  ns: string;
  /** Local name, without prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), entities decoded, not trimmed. */
  text: string;
}

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; note: InspectionNote };

const MAX_DEPTH = 200;

// fast-xml-parser's own entity processing reads DOCTYPE entity declarations; it stays off and the predefined
// entities are decoded below, so no document can define what its text expands to.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  commentPropName: false,
});

export function parseXmlSafely(bytes: Uint8Array, maxBytes: number): XmlParseResult {
  if (bytes.length > maxBytes) {
    return failure('xml_too_large', message('import.xml_over_limit', { megabytes: megabytes(maxBytes) }));
  }
  const decoded = decodeXmlText(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.text;
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    return failure('xml_dtd_not_allowed', message('import.xml_dtd_not_allowed'));
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    return failure('xml_malformed', message('import.xml_malformed', { line, column: col, detail: msg }));
  }
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch (error) {
    return failure('xml_malformed', message('import.xml_unreadable', { detail: (error as Error).message }));
  }
  const rootNode = (nodes as OrderedNode[]).find((node) => elementName(node) !== undefined);
  if (!rootNode) return failure('xml_malformed', message('import.xml_no_root'));
  const root = toElement(rootNode, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), 0);
  if (!root) return failure('xml_malformed', message('import.xml_too_deep', { depth: MAX_DEPTH }));
  return { ok: true, root };
}

/** The first child with this namespace and local name. */
export function childElement(parent: XmlElement | undefined, ns: string, name: string): XmlElement | undefined {
  return parent?.children.find((child) => child.ns === ns && child.name === name);
}

/** Follows a path of [namespace, local name] steps, first match at each step. */
export function descendant(start: XmlElement | undefined, path: ReadonlyArray<readonly [string, string]>) {
  let current = start;
  for (const [ns, name] of path) current = childElement(current, ns, name);
  return current;
}

/** Trimmed text with whitespace runs collapsed, undefined when empty; capped so garbage cannot grow an index. */
export function elementText(element: XmlElement | undefined, maxLength = 1000): string | undefined {
  const value = element?.text.replace(/\s+/g, ' ').trim();
  return value ? value.slice(0, maxLength) : undefined;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
}

function toElement(node: OrderedNode, inScope: Map<string, string>, depth: number): XmlElement | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const qualifiedName = elementName(node);
  if (qualifiedName === undefined) return undefined;
  const rawAttributes = node[':@'] ?? {};
  let scope = inScope;
  const attributes: Record<string, string> = {};
  for (const [key, raw] of Object.entries(rawAttributes)) {
    const value = decodeEntities(raw);
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (scope === inScope) scope = new Map(inScope);
      scope.set(key === 'xmlns' ? '' : key.slice(6), value);
    } else {
      attributes[key.includes(':') ? key.slice(key.indexOf(':') + 1) : key] = value;
    }
  }
  const colon = qualifiedName.indexOf(':');
  const prefix = colon >= 0 ? qualifiedName.slice(0, colon) : '';
  const element: XmlElement = {
    ns: scope.get(prefix) ?? '',
    name: colon >= 0 ? qualifiedName.slice(colon + 1) : qualifiedName,
    attributes,
    children: [],
    text: '',
  };
  for (const child of (node[qualifiedName] as OrderedNode[] | undefined) ?? []) {
    if (typeof child['#text'] === 'string') element.text += decodeEntities(child['#text']);
    else if (Array.isArray(child['#cdata'])) element.text += cdataText(child['#cdata'] as OrderedNode[]);
    else {
      const converted = toElement(child, scope, depth + 1);
      if (!converted) return undefined;
      element.children.push(converted);
    }
  }
  return element;
}

function cdataText(nodes: OrderedNode[]): string {
  return nodes.map((node) => (typeof node['#text'] === 'string' ? node['#text'] : '')).join('');
}

const PREDEFINED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity.startsWith('#')) {
      const codePoint =
        entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
    }
    return PREDEFINED_ENTITIES[entity] ?? whole;
  });
}

type Decoded = { ok: true; text: string } | { ok: false; note: InspectionNote };

/** Bytes to text by BOM, else by the XML declaration's encoding, else UTF-8 (the only one XRechnung allows). */
function decodeXmlText(bytes: Uint8Array): Decoded {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else {
    const declaration = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
      Buffer.from(bytes.subarray(0, 200)).toString('latin1'),
    );
    if (declaration?.[1]) encoding = declaration[1].toLowerCase();
  }
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start)) };
  } catch {
    return failure('xml_encoding', message('import.xml_encoding', { encoding }));
  }
}

function failure(code: InspectionNote['code'], text: Message): { ok: false; note: InspectionNote } {
  return { ok: false, note: { code, text } };
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 });
}
