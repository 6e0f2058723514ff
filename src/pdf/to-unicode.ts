/**
 * A font's ToUnicode CMap (ISO 32000-1, 9.10.3) for the two-byte codes of Chromium's Identity-H fonts:
 * read into code → text, and written back, every code as a bfchar entry, in code order (same map, same bytes).
 */

const hexToText = (hex: string): string => {
  let s = '';
  for (let k = 0; k + 4 <= hex.length; k += 4) s += String.fromCharCode(Number.parseInt(hex.slice(k, k + 4), 16));
  return s;
};

const textToHex = (text: string): string =>
  [...text]
    .flatMap((c) => {
      const u = c.codePointAt(0)!;
      if (u < 0x10000) return [u];
      const v = u - 0x10000;
      return [0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff)];
    })
    .map((u) => u.toString(16).toUpperCase().padStart(4, '0'))
    .join('');

/** code → its text; throws on a CMap this reader does not understand (the caller then leaves the font alone). */
export function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*endcodespacerange/.exec(cmap);
  if (!space || space[1]!.length !== 4) throw new Error('not a two-byte ToUnicode CMap');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(Number.parseInt(m[1]!, 16), hexToText(m[2]!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = block[1]!;
    const entry = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g;
    let consumed = 0;
    for (const m of body.matchAll(entry)) {
      consumed += m[0].length;
      const lo = Number.parseInt(m[1]!, 16);
      const hi = Number.parseInt(m[2]!, 16);
      const dst = m[3]!;
      if (dst.startsWith('[')) {
        const items = [...dst.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => hexToText(x[1]!));
        for (let c = lo; c <= hi; c++) map.set(c, items[c - lo] ?? '');
      } else {
        const base = hexToText(dst.slice(1, -1));
        if (base.length === 0) throw new Error('empty bfrange destination');
        const head = base.slice(0, -1);
        const last = base.charCodeAt(base.length - 1);
        for (let c = lo; c <= hi; c++) map.set(c, head + String.fromCharCode(last + (c - lo)));
      }
    }
    if (consumed === 0 && body.trim()) throw new Error('unreadable bfrange');
  }
  return map;
}

export function writeToUnicode(map: Map<number, string>): string {
  const codes = [...map.keys()].sort((a, b) => a - b);
  let out =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<<  /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n';
  for (let k = 0; k < codes.length; k += 100) {
    const chunk = codes.slice(k, k + 100);
    out += `${chunk.length} beginbfchar\n`;
    for (const c of chunk) out += `<${c.toString(16).toUpperCase().padStart(4, '0')}> <${textToHex(map.get(c)!)}>\n`;
    out += 'endbfchar\n';
  }
  return `${out}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n`;
}
