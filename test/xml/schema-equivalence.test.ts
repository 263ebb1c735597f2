import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { SchemaValidator } from '../../src/core/xml/schema-validator';
import { parseXmlOrThrow } from '../../src/core/xml/parse';
import { mutate, mutateTree, mutations, treeMutations } from '../support/fuzz';
import { fuzzCorpus } from '../support/fuzz-corpus';

/**
 * The SP core validates with libxml2-wasm, which keeps the parsed schemas between documents. xmllint-wasm is an
 * independent build of libxml2 driving the xmllint command line, re-reading the schemas each run: the two must
 * agree on every document, genuine or mutated, and on the lines of the problems they find.
 */
const SCHEMAS = join(__dirname, '../../src/core/xml/schemas');
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(join(SCHEMAS, fileName), 'utf8') });

let corpus: Awaited<ReturnType<typeof fuzzCorpus>>;
const ours = new SchemaValidator();
beforeAll(async () => {
  corpus = await fuzzCorpus();
});
afterAll(async () => {
  await Promise.all([ours.close(), corpus.stop()]);
});

describe('schema validation with libxml2-wasm', () => {
  it('gives the same verdict, on the same lines, as xmllint on genuine and mutated responses', async () => {
    const docs = [
      corpus.responseXml,
      corpus.entraSkeleton,
      ...fc.sample(mutations, { numRuns: 150, seed: 42 }).map((ms) => mutate(corpus.responseXml, ms)),
      ...fc.sample(treeMutations, { numRuns: 150, seed: 7 }).map((ops) => mutateTree(corpus.responseXml, ops, parseXmlOrThrow)),
    ];
    const names = docs.map((_, i) => `doc${i}.xml`);
    const xmllint = await validateXML({
      xml: docs.map((contents, i) => ({ fileName: names[i]!, contents })),
      schema: schemaFile('saml-schema-protocol-2.0.xsd'),
      preload: ['saml-schema-assertion-2.0.xsd', 'xmldsig-core-schema.xsd', 'xenc-schema.xsd', 'XMLSchema.dtd', 'datatypes.dtd'].map(schemaFile),
      maxMemoryPages: 4096,
    });
    const theirs = names.map((n) => {
      const lines = xmllint.errors.filter((e) => e.loc?.fileName === n).map((e) => e.loc!.lineNumber);
      return { valid: lines.length === 0, lines: [...new Set(lines)].sort() };
    });
    const mine = (await Promise.all(docs.map((d) => ours.validate(d)))).map((r) => ({ valid: r.valid, lines: [...new Set(r.problems.map((p) => p.line))].sort() }));
    expect(mine).toEqual(theirs);
    expect(mine.filter((r) => r.valid).length).toBeGreaterThan(1);
    expect(mine.filter((r) => !r.valid).length).toBeGreaterThan(50);
  });
});
