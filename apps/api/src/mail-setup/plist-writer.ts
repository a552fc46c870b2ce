import { escapeXml } from './xml-writer.js';

/** The value types a configuration profile uses. */
export type PlistValue = string | number | boolean | readonly PlistValue[] | { readonly [key: string]: PlistValue };

/** Serialises an XML property list (Apple's DTD 1.0). Integers only: profiles need no reals. */
export function renderPlist(root: PlistValue): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    value(root, ''),
    '</plist>',
    '',
  ].join('\n');
}

function value(node: PlistValue, indent: string): string {
  if (typeof node === 'string') return `${indent}<string>${escapeXml(node)}</string>`;
  if (typeof node === 'boolean') return `${indent}<${node ? 'true' : 'false'}/>`;
  if (typeof node === 'number') {
    if (!Number.isSafeInteger(node)) throw new Error('plist integers only');
    return `${indent}<integer>${node}</integer>`;
  }
  const inner = `${indent}  `;
  if (Array.isArray(node)) {
    return [`${indent}<array>`, ...(node as PlistValue[]).map((item) => value(item, inner)), `${indent}</array>`].join(
      '\n',
    );
  }
  const entries = Object.entries(node as Record<string, PlistValue>).flatMap(([key, item]) => [
    `${inner}<key>${escapeXml(key)}</key>`,
    value(item, inner),
  ]);
  return [`${indent}<dict>`, ...entries, `${indent}</dict>`].join('\n');
}
