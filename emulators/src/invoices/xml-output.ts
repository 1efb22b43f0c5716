import { XMLBuilder } from 'fast-xml-parser';

/**
 * XML output through fast-xml-parser's builder (it escapes text and attributes). Element trees are plain objects
 * in document order: `{'cbc:ID': 'RE-1'}`, attributes as `@_name`, text beside attributes as `#text`, repeated
 * elements as arrays. Undefined members are left out.
 */
export type XmlTree = { [name: string]: XmlValue };
export type XmlValue = string | number | XmlTree | XmlTree[] | undefined;

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

export function xmlDocument(tree: XmlTree): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(tree) as string}`, 'utf8');
}

/** A text element with attributes, e.g. an amount with its currency. */
export function withAttributes(text: string, attributes: Record<string, string>): XmlTree {
  const tree: XmlTree = { '#text': text };
  for (const [name, value] of Object.entries(attributes)) tree[`@_${name}`] = value;
  return tree;
}
