/**
 * The document's XMP metadata packet (ISO 16684-1), as PDF/UA-1 asks for it (ISO 14289-1, 7.1): the
 * `pdfuaid:part` that declares the standard, the title (`dc:title`, shown in the window's title bar:
 * /DisplayDocTitle) and the language, with what the Info dictionary says of the document, in the same words.
 * Nothing in it depends on the time or the machine: the same brief gives the same bytes.
 */

export interface XmpFields {
  title: string;
  author: string;
  subject: string;
  keywords: readonly string[];
  lang: string;
  /** ISO date (YYYY-MM-DD): the document's creation and modification date. */
  created: string;
  creator: string;
  producer: string;
  /** The document's ID (hex), the trailer's /ID: the XMP's document and instance IDs are made of it. */
  id: string;
}

/** XML's five characters escaped, and what XML 1.0 cannot hold at all (C0 controls but tab and line ends) dropped. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A hex ID as a UUID URN (32 hex digits, 8-4-4-4-12). */
function uuid(hex: string): string {
  const h = hex.toLowerCase().padEnd(32, '0').slice(0, 32);
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const alt = (lang: string, text: string) =>
  `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li><rdf:li xml:lang="${xml(lang)}">${xml(text)}</rdf:li></rdf:Alt>`;

/** The XMP packet, UTF-8. */
export function xmpPacket(f: XmpFields): string {
  const date = `${f.created}T00:00:00Z`;
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">',
    '<pdfuaid:part>1</pdfuaid:part>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(f.lang, f.title)}</dc:title>`,
    // (No creator when the brief names no author and the report no host: an empty one says nothing.)
    ...(f.author.trim() ? [`<dc:creator><rdf:Seq><rdf:li>${xml(f.author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    `<dc:description>${alt(f.lang, f.subject)}</dc:description>`,
    `<dc:subject><rdf:Bag>${f.keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(f.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${xml(f.keywords.join(' '))}</pdf:Keywords>`,
    `<pdf:Producer>${xml(f.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xml(f.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmpMM:DocumentID>${uuid(f.id)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${uuid(f.id)}</xmpMM:InstanceID>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ];
  return `${lines.join('\n')}\n`;
}
