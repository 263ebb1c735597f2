/**
 * Plain words for the inputs a parser's message explains badly: a binary file (xmldom echoes its bytes), text that
 * is not XML at all ("no root element"), and an element left open (xmldom calls it an "unclosed xml attribute").
 */
export interface NotXml {
  code: 'XML_NOT_TEXT' | 'XML_NOT_XML' | 'XML_MALFORMED' | 'XML_TOO_DEEP';
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

/** Markup the walk steps over whole: what opens it, what closes it, and what to call it when it never closes. */
const SKIPPED: ReadonlyArray<readonly [string, string, string]> = [
  ['<!--', '-->', 'the comment'],
  ['<![CDATA[', ']]>', 'the CDATA section'],
  ['<?', '?>', 'the processing instruction'],
  ['<!', '>', 'the declaration'],
];
const NAME = /[\p{L}_][\p{L}\p{N}_.:·-]*/uy;

/**
 * Walks the markup once, left to right, before any parser sees it: a tag, comment or CDATA section that never
 * ends, an element left open or closed by the wrong end tag, or nesting deeper than `maxDepth`. Linear in the
 * input, so a crafted file cannot make it slow — and it refuses the shapes that make xmldom quadratic (an
 * unclosed comment repeated, thousands of unclosed tags), which took it minutes on a few hundred kilobytes.
 * Valid XML passes untouched; the parser still judges everything else.
 */
export function walkMarkup(text: string, maxDepth: number): NotXml | undefined {
  const open: Array<{ name: string; at: number }> = [];
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i)) {
    const skip = SKIPPED.find(([start]) => text.startsWith(start, i));
    if (skip) {
      const close = text.indexOf(skip[1], i + skip[0].length);
      if (close < 0) return at(text, i, `${skip[2]} that starts here is never closed ("${skip[1]}" is missing).`);
      i = close + skip[1].length;
      continue;
    }
    const tag = readTag(text, i);
    if (typeof tag === 'string') return at(text, i, tag);
    i = tag.end;
    if (tag.selfClosing) continue;
    if (!tag.closing) {
      open.push({ name: tag.name, at: tag.at });
      if (open.length > maxDepth) return { code: 'XML_TOO_DEEP', message: `Elements are nested deeper than ${maxDepth} levels.`, location: at(text, i, '').location! };
      continue;
    }
    const top = open.pop();
    if (!top) return at(text, tag.at, `the end tag </${tag.name}> closes no element.`);
    if (top.name !== tag.name) return at(text, top.at, `the element <${top.name}> is not closed: </${tag.name}> comes first.`);
  }
  const last = open.at(-1);
  return last ? at(text, last.at, `the element <${last.name}> is not closed before the document ends.`) : undefined;
}

/** The tag at `at`: its name, whether it ends or closes itself, and where it stops; or what is wrong with it. */
function readTag(text: string, at: number): { name: string; closing: boolean; selfClosing: boolean; at: number; end: number } | string {
  const closing = text[at + 1] === '/';
  NAME.lastIndex = at + (closing ? 2 : 1);
  const name = NAME.exec(text)?.[0];
  if (!name) return 'a "<" here starts no tag (in text it is written &lt;).';
  let quote: string | undefined;
  for (let j = NAME.lastIndex; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '<') return `the tag <${name}> has an attribute value with no closing ${quote}.`;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') return `the tag <${name}> is not closed with ">".`;
    else if (c === '>') return { name, closing, selfClosing: text[j - 1] === '/', at, end: j + 1 };
  }
  return quote ? `the tag <${name}> has an attribute value with no closing ${quote}.` : `the tag <${name}> is not closed with ">".`;
}

function at(text: string, index: number, message: string): NotXml {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { code: 'XML_MALFORMED', message, location: { line, column: index - before.lastIndexOf('\n') } };
}
