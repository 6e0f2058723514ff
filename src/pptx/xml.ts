/** Writing XML by hand, safely: every text and attribute value escaped, characters XML cannot hold dropped. */

// XML 1.0 has no place for C0 controls other than tab and line breaks, nor for U+FFFE/U+FFFF.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function esc(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type Attrs = Record<string, string | number | boolean | undefined>;

/** ` a="1" b="x"`: undefined values left out, booleans as 1/0. */
export function attrs(values: Attrs): string {
  return Object.entries(values)
    .filter((e): e is [string, string | number | boolean] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === 'boolean' ? (v ? '1' : '0') : esc(String(v))}"`)
    .join('');
}

/** An element: `<name a="…">children</name>`, or `<name a="…"/>` without children. */
export function el(name: string, values: Attrs = {}, ...children: (string | false | undefined)[]): string {
  const inner = children.filter((c): c is string => typeof c === 'string' && c !== '').join('');
  return inner ? `<${name}${attrs(values)}>${inner}</${name}>` : `<${name}${attrs(values)}/>`;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The namespaces of PresentationML parts. */
export const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
} as const;

export const PML_NS = { 'xmlns:a': NS.a, 'xmlns:r': NS.r, 'xmlns:p': NS.p };
