import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseXml } from '../../src/core/xml/parse';
import { parseIdpMetadata } from '../../src/core/sp/idp-metadata';
import { describeCertificate } from '../../src/core/crypto/certificate';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, mutate, mutations } from '../support/fuzz';
import { fuzzCorpus } from '../support/fuzz-corpus';

let corpus: Awaited<ReturnType<typeof fuzzCorpus>>;
beforeAll(async () => {
  corpus = await fuzzCorpus();
});
afterAll(() => corpus.stop());

describe('fuzz: XML parsing and the metadata parser', () => {
  it(
    'mutated XML parses or fails with a code and a place, and never with a DTD let through',
    () => {
      const base = fc.constantFrom(corpus.responseXml, corpus.metadataXml, corpus.entraSkeleton);
      fc.assert(
        fc.property(base, mutations, (b, ms) => {
          const xml = mutate(b, ms);
          const r = parseXml(xml);
          if (r.ok) expect(/<!DOCTYPE|<!ENTITY/i.test(xml)).toBe(false);
          else expect(r.error.code).toMatch(/^XML_/);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'mutated Federation Metadata XML gives a trust with readable certificates, or an error that says why',
    () => {
      fc.assert(
        fc.property(mutations, (ms) => {
          const r = parseIdpMetadata(mutate(corpus.metadataXml, ms));
          if (!r.ok) {
            expect(r.error.code).toMatch(/^METADATA_/);
            expect(r.error.message.length).toBeGreaterThan(10);
            return;
          }
          expect(r.value.trust.certificates.length).toBeGreaterThan(0);
          for (const c of r.value.trust.certificates) expect(describeCertificate(c).ok).toBe(true);
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
