/**
 * Plain words for the inputs a parser's message explains badly: a binary file (xmldom echoes its bytes), text that
 * is not XML at all ("no root element"), and an element left open (xmldom calls it an "unclosed xml attribute").
 */
export interface NotXml {
  code: 'XML_NOT_TEXT' | 'XML_NOT_XML' | 'XML_MALFORMED';
  message: string;
  location?: { line: number; column: number };
}

/** What a binary file's first bytes say it is (read as text, a byte above 0x7F may have become U+FFFD). */
const MAGIC: ReadonlyArray<[RegExp, string]> = [
  [/^.?PNG/, 'a PNG image'],
  [/^.{0,3}JFIF|^.{0,3}Exif/, 'a JPEG image'],
  [/^GIF8/, 'a GIF image'],
  [/^%PDF/, 'a PDF document'],
  [/^PK/, 'a ZIP archive (or a Word or Excel file)'],
];

/** A control character no XML document holds (tab, newline and carriage return aside). */
function hasControl(text: string): boolean {
  for (let i = 0; i < Math.min(text.length, 4096); i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
}

export function notText(text: string): NotXml | undefined {
  if (!hasControl(text)) return undefined;
  const kind = MAGIC.find(([re]) => re.test(text.slice(0, 16)))?.[1];
  return { code: 'XML_NOT_TEXT', message: `This is not an XML file: it is binary${kind ? `, ${kind}` : ''}. Choose the .xml file itself.` };
}

export function notMarkup(text: string): NotXml | undefined {
  const start = text.replace(/^\uFEFF/, '').search(/\S/);
  if (start < 0 || text.replace(/^\uFEFF/, '')[start] === '<') return undefined;
  return { code: 'XML_NOT_XML', message: 'This is not an XML file: it starts with text, where an XML document starts with "<".', location: { line: 1, column: start + 1 } };
}

/**
 * The first element left open or closed by the wrong end tag, found by walking the tags (comments, CDATA and
 * processing instructions skipped). Only called once xmldom has refused the document, to name what it could not.
 */
export function unclosedElement(text: string): NotXml | undefined {
  const open: Array<{ name: string; at: number }> = [];
  const tag = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>|<\/?[A-Za-z_]/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const [whole, closing, name, selfClosing] = m;
    // A tag that never ends (an attribute's quote left open): the parser's own words say more than a guess.
    if (/^<\/?[A-Za-z_]$/.test(whole)) return undefined;
    if (!name || selfClosing) continue;
    if (!closing) open.push({ name, at: m.index });
    else {
      const top = open.pop();
      if (!top) return at(text, m.index, `the end tag </${name}> closes no element.`);
      if (top.name !== name) return at(text, top.at, `the element <${top.name}> is not closed: </${name}> comes first.`);
    }
  }
  const last = open.at(-1);
  return last ? at(text, last.at, `the element <${last.name}> is not closed before the document ends.`) : undefined;
}

function at(text: string, index: number, message: string): NotXml {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { code: 'XML_MALFORMED', message, location: { line, column: index - before.lastIndexOf('\n') } };
}
