import { afterAll, describe, expect, it } from 'vitest';
import { SchemaValidator } from '../../src/core/xml/schema-validator';

const RESPONSE = (extra = '', version = ' Version="2.0"') =>
  `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_r"${version} IssueInstant="2026-01-01T00:00:00Z">${extra}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>`;

const v = new SchemaValidator();
afterAll(() => v.close());

describe('SAML 2.0 schema validation (libxml2 via libxml2-wasm)', () => {
  it('accepts a valid message and names the element of an invalid one', async () => {
    expect(await v.validate(RESPONSE())).toEqual({ valid: true, problems: [] });
    const bad = await v.validate(RESPONSE('', ''));
    expect(bad.valid).toBe(false);
    expect(bad.problems[0]).toMatchObject({ element: '{urn:oasis:names:tc:SAML:2.0:protocol}Response', message: expect.stringContaining("'Version' is required") as string });
    const order = await v.validate(RESPONSE('<samlp:Unexpected/>'));
    expect(order.problems[0]?.element).toBe('{urn:oasis:names:tc:SAML:2.0:protocol}Unexpected');
  });

  it('reads the imported XML Signature schema from the bundled files', async () => {
    const sig = await v.validate(RESPONSE('<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:Bogus/></ds:Signature>'));
    expect(sig.valid).toBe(false);
    expect(sig.problems[0]?.element).toBe('{http://www.w3.org/2000/09/xmldsig#}Bogus');
  });

  it('reports a document libxml2 cannot parse as invalid, naming the line', async () => {
    const r = await v.validate('<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">\n<a></b>');
    expect(r.valid).toBe(false);
    expect(r.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining('mismatch') as string });
  });

  it('keeps each result with its document when calls overlap', async () => {
    const docs = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? RESPONSE('', '') : RESPONSE()));
    const results = await Promise.all(docs.map((d) => v.validate(d)));
    expect(results.map((r) => r.valid)).toEqual(docs.map((_, i) => i % 3 !== 0));
  });
});
