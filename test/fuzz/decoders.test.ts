import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeAnyMessage, decodePostMessage, decodeRedirectMessage } from '../../src/core/xml/codec';
import { readArtefact } from '../../src/core/diagnose/artefact';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, mutate, mutations } from '../support/fuzz';
import { fuzzCorpus } from '../support/fuzz-corpus';

let corpus: Awaited<ReturnType<typeof fuzzCorpus>>;
beforeAll(async () => {
  corpus = await fuzzCorpus();
});
afterAll(() => corpus.stop());

const isResult = (r: { ok: boolean; error?: { code?: string; message?: string } }) => r.ok || (typeof r.error?.code === 'string' && (r.error.message ?? '').length > 0);

describe('fuzz: decoders and artefact readers', () => {
  it(
    'any text, and any mutation of real encodings and captures, decodes to a value or a clear error — never a throw',
    () => {
      const bases = () => fc.constantFrom(corpus.responseB64, corpus.authnRequestValue, corpus.authnRequestUrl, corpus.har, corpus.samlTracer, corpus.responseXml, corpus.entraSkeleton);
      const input = fc.oneof(
        fc.string({ maxLength: 2000 }),
        fc.base64String({ maxLength: 4000 }),
        fc.tuple(bases(), mutations).map(([b, ms]) => mutate(b, ms)),
      );
      fc.assert(
        fc.property(input, (text) => {
          for (const r of [decodeAnyMessage(text), decodePostMessage(text), decodeRedirectMessage(text)]) expect(isResult(r)).toBe(true);
          const a = readArtefact(text);
          expect(isResult(a)).toBe(true);
          if (a.ok) for (const m of a.value.messages) expect(typeof m.view.param).toBe('string');
        }),
        { numRuns: FUZZ_RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
