import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/core/xml/parse';

const fails = (xml: string) => {
  const r = parseXml(xml);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
};

describe('safe XML parsing', () => {
  it('parses namespaced SAML', () => {
    const r = parseXml('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_1"/>');
    expect(r.ok && r.value.documentElement.localName).toBe('Response');
  });

  it('refuses any DTD, so no external entity is ever fetched and no entity expands', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    expect(fails(xxe)).toMatchObject({ code: 'XML_DTD_FORBIDDEN', location: { line: 1, column: 22 } });
    const laughs = '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
    expect(fails(laughs).code).toBe('XML_DTD_FORBIDDEN');
  });

  it('reports where a document is not well-formed, including what xmldom only warns about', () => {
    expect(fails('<a>\n  <b>\n</a>')).toMatchObject({ code: 'XML_MALFORMED' });
    expect(fails('<a x="1>').code).toBe('XML_MALFORMED');
    expect(fails('<a/><b/>').code).toBe('XML_MALFORMED');
    expect(fails('   ').code).toBe('XML_EMPTY');
  });

  it('names the element left open, where xmldom speaks of an "unclosed xml attribute"', () => {
    const open = fails('<a>\n  <b>\n</a>');
    expect(open.message).toBe('The XML is not well-formed: the element <b> is not closed: </a> comes first.');
    expect(open.location).toEqual({ line: 2, column: 3 });
    const cut = '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="x">\n<md:IDPSSODescriptor>';
    expect(fails(cut).message).toBe('The XML is not well-formed: the element <md:IDPSSODescriptor> is not closed before the document ends.');
    expect(fails('<a><!-- <b> --><![CDATA[<c>]]></a><d>').message).toMatch(/<d> is not closed/);
  });

  it('says a text or binary file is not XML, and never echoes its bytes', () => {
    expect(fails('not xml at all').code).toBe('XML_NOT_XML');
    expect(fails('not xml at all').message).toMatch(/^This is not an XML file: it starts with text/);
    const png = '\uFFFDPNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00<<garbage>>';
    const e = fails(png);
    expect(e.code).toBe('XML_NOT_TEXT');
    expect(e.message).toBe('This is not an XML file: it is binary, a PNG image. Choose the .xml file itself.');
    expect(e.message).not.toMatch(/IHDR|garbage/);
    expect(e.message.includes('\u0000')).toBe(false);
  });

  it('refuses prefixes bound to no namespace', () => {
    expect(fails('<a><q:b/></a>')).toMatchObject({ code: 'XML_UNBOUND_PREFIX' });
    expect(fails('<a q:attr="1"/>')).toMatchObject({ code: 'XML_UNBOUND_PREFIX' });
  });

  it('refuses, by a walk before the parser, the crafted shapes that made xmldom take minutes (no hang: the test would time out)', () => {
    // Each is 800 KB; xmldom alone took about 10 s on 80 KB of the first, growing with the square of the size.
    expect(fails('<r>' + '<!--'.repeat(200_000)).message).toMatch(/^The XML is not well-formed: the comment that starts here is never closed/);
    expect(fails('<r>' + '<?x '.repeat(200_000)).message).toMatch(/the processing instruction that starts here is never closed/);
    expect(fails('<r>' + '<a b'.repeat(200_000)).message).toBe('The XML is not well-formed: the tag <a> is not closed with ">".');
    expect(fails('<r>' + '<a "'.repeat(200_000)).message).toBe('The XML is not well-formed: the tag <a> has an attribute value with no closing ".');
    expect(fails('<r>' + '<a>'.repeat(200_000)).code).toBe('XML_TOO_DEEP');
    // Valid XML passes the walk untouched, non-ASCII names, comments, CDATA and quoted ">" included.
    expect(parseXml('<?xml version="1.0"?><été a="x>y"><!-- <b> --><![CDATA[<c>]]><ñ/></été>').ok).toBe(true);
  }, 30_000);

  it('bounds size and depth', () => {
    expect(parseXml('<a>' + 'x'.repeat(100) + '</a>', 50)).toMatchObject({ ok: false, error: { code: 'XML_TOO_LARGE' } });
    const deep = '<a>'.repeat(100) + '</a>'.repeat(100);
    expect(fails(deep).code).toBe('XML_TOO_DEEP');
  });
});
