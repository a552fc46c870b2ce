/** A small element tree and its serialiser: enough for the fixed documents mail programs read. */
export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  readonly children?: readonly (XmlElement | string)[];
}

export function element(
  name: string,
  attributes: Record<string, string> | null,
  ...children: (XmlElement | string | number | null | undefined | false)[]
): XmlElement {
  return {
    name,
    ...(attributes ? { attributes } : {}),
    children: children.filter((child) => child !== null && child !== undefined && child !== false).map(asChild),
  };
}

function asChild(child: XmlElement | string | number | true): XmlElement | string {
  return typeof child === 'object' ? child : String(child);
}

export function renderXmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root, '')}\n`;
}

function render(node: XmlElement, indent: string): string {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) return `${indent}<${node.name}${attributes}/>`;
  if (children.every((child) => typeof child === 'string')) {
    return `${indent}<${node.name}${attributes}>${children.map((text) => escapeXml(text as string)).join('')}</${node.name}>`;
  }
  const inner = children
    .map((child) => (typeof child === 'string' ? `${indent}  ${escapeXml(child)}` : render(child, `${indent}  `)))
    .join('\n');
  return `${indent}<${node.name}${attributes}>\n${inner}\n${indent}</${node.name}>`;
}

/** Escapes text and attribute values; control characters XML 1.0 forbids are dropped. */
export function escapeXml(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
