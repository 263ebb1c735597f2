import { DOMParser } from '@xmldom/xmldom';
import { CoreError, err, ok, type Result } from '../base/errors';
import { LIMITS } from './limits';
import { notMarkup, notText, walkMarkup } from './not-xml';

export interface XmlLocation {
  line: number;
  column: number;
}

export class XmlError extends CoreError {
  constructor(
    code: 'XML_EMPTY' | 'XML_TOO_LARGE' | 'XML_DTD_FORBIDDEN' | 'XML_MALFORMED' | 'XML_UNBOUND_PREFIX' | 'XML_TOO_DEEP' | 'XML_NOT_TEXT' | 'XML_NOT_XML',
    message: string,
    readonly location?: XmlLocation,
  ) {
    super(code, message, location ? { ...location } : {});
  }
}

const LOCATION = /@#\[line:(\d+),col:(\d+)\]/;
const DTD = /<!DOCTYPE|<!ENTITY/i;

function locate(text: string, index: number): XmlLocation {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function describe(raw: string): { message: string; location?: XmlLocation } {
  const m = LOCATION.exec(raw);
  const message = raw
    .replace(LOCATION, '')
    .replace(/^\[xmldom \w+\]\s*/, '')
    .replace(/^element parse error: Error: /, '')
    .trim();
  return m ? { message, location: { line: Number(m[1]), column: Number(m[2]) } } : { message };
}

/**
 * Parses untrusted XML strictly: no DTD (so no external or expanding entities), bounded size and depth,
 * and any parser complaint — even one xmldom calls a warning — makes the document malformed.
 */
export function parseXml(text: string, maxChars: number = LIMITS.maxXmlChars): Result<Document, XmlError> {
  if (text.trim() === '') return err(new XmlError('XML_EMPTY', 'The document is empty.'));
  if (text.length > maxChars) {
    return err(new XmlError('XML_TOO_LARGE', `The document is ${text.length} characters; the limit is ${maxChars}.`));
  }
  const plainly = notText(text) ?? notMarkup(text);
  if (plainly) return err(new XmlError(plainly.code, plainly.message, plainly.location));
  const dtd = DTD.exec(text);
  if (dtd) {
    return err(new XmlError('XML_DTD_FORBIDDEN', 'The document declares a DTD or entity; SAML messages must not, and they are refused to rule out XXE and entity expansion.', locate(text, dtd.index)));
  }
  const shape = walkMarkup(text, LIMITS.maxDepth);
  if (shape) return err(new XmlError(shape.code, shape.code === 'XML_TOO_DEEP' ? shape.message : `The XML is not well-formed: ${shape.message}`, shape.location));
  const problems: string[] = [];
  const parser = new DOMParser({
    locator: {},
    errorHandler: {
      warning: (m: string) => problems.push(m),
      error: (m: string) => problems.push(m),
      fatalError: (m: string) => problems.push(m),
    },
  });
  let doc: Document | undefined;
  try {
    doc = parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
  }
  const first = problems[0];
  if (first !== undefined || !doc?.documentElement) {
    const d = describe(first ?? 'no root element');
    return err(new XmlError('XML_MALFORMED', `The XML is not well-formed: ${d.message}.`, d.location));
  }
  const structural = checkTree(doc.documentElement);
  return structural ? err(structural) : ok(doc);
}

function checkTree(root: Element): XmlError | undefined {
  const stack: Array<{ el: Element; depth: number }> = [{ el: root, depth: 1 }];
  while (stack.length > 0) {
    const { el, depth } = stack.pop()!;
    if (depth > LIMITS.maxDepth) {
      return new XmlError('XML_TOO_DEEP', `Elements are nested deeper than ${LIMITS.maxDepth} levels.`);
    }
    if (el.prefix && !el.namespaceURI) {
      return new XmlError('XML_UNBOUND_PREFIX', `The prefix "${el.prefix}" of <${el.tagName}> is not bound to a namespace.`);
    }
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes.item(i)!;
      if (a.prefix && a.prefix !== 'xmlns' && !a.namespaceURI) {
        return new XmlError('XML_UNBOUND_PREFIX', `The prefix "${a.prefix}" of attribute ${a.name} on <${el.tagName}> is not bound.`);
      }
    }
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) stack.push({ el: c as Element, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The parse error as an upload states it: a file that is no XML at all says so alone, a malformed one names the
 * document ("The metadata is not well-formed XML: …"), anything else follows the caller's words.
 */
export function xmlProblem(e: XmlError, prefix: string, document = 'metadata'): string {
  if (e.code === 'XML_NOT_TEXT' || e.code === 'XML_NOT_XML') return e.message;
  if (e.code === 'XML_MALFORMED') return e.message.replace(/^The XML is not well-formed: /, `The ${document} is not well-formed XML: `);
  return `${prefix}${e.message}`;
}

/** Like parseXml but throws the XmlError; for inputs the harness produced itself. */
export function parseXmlOrThrow(text: string): Document {
  const r = parseXml(text);
  if (!r.ok) throw r.error;
  return r.value;
}
