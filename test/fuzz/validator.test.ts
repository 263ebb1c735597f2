import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CHECKS } from '../../src/core/sp/report';
import type { Identity } from '../../src/core/sp/model';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS, mutate, mutateTree, mutations, treeMutations, withinTime } from '../support/fuzz';
import { parseXmlOrThrow } from '../../src/core/xml/parse';
import { fuzzCorpus } from '../support/fuzz-corpus';

let corpus: Awaited<ReturnType<typeof fuzzCorpus>>;
let legit: Identity;
let at: Date;
beforeAll(async () => {
  corpus = await fuzzCorpus();
  at = corpus.box.clock.now();
  const report = await corpus.box.vendor.site.core.validate(corpus.responseB64, { at, commit: false });
  if (!report.ok || !report.identity) throw new Error(`the unmutated response is refused: ${report.failure?.reason}`);
  legit = report.identity;
});
afterAll(() => corpus.stop());

describe('fuzz: the SP validator', () => {
  it(
    'every mutation of a genuine signed response gets a full report in time, and any it accepts is the genuine identity',
    async () => {
      let accepted = 0;
      const refusedBy = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            mutations.map((ms) => ({ text: ms })),
            treeMutations.map((ops) => ({ tree: ops })),
          ),
          fc.boolean(),
          async (m, asBase64) => {
            const xml = 'text' in m ? mutate(corpus.responseXml, m.text) : mutateTree(corpus.responseXml, m.tree, parseXmlOrThrow);
            const input = asBase64 ? Buffer.from(xml, 'utf8').toString('base64') : xml;
            const report = await withinTime('validateResponse', corpus.box.vendor.site.core.validate(input, { at, commit: false }));
            expect(report.checks.map((c) => c.id)).toEqual(Object.keys(CHECKS));
            if (!report.ok) {
              expect(report.failure?.reason.length).toBeGreaterThan(0);
              refusedBy.set(report.failure!.id, (refusedBy.get(report.failure!.id) ?? 0) + 1);
              return;
            }
            accepted++;
            expect(report.identity?.nameId).toBe(legit.nameId);
            expect(report.identity?.attributes).toEqual(legit.attributes);
          },
        ),
        { numRuns: FUZZ_RUNS },
      );
      // Most mutations break the signature or the schema; the few that are accepted change nothing signed.
      expect(accepted).toBeLessThan(FUZZ_RUNS);
      console.info(`validator fuzz: ${FUZZ_RUNS} inputs, ${accepted} accepted (genuine identity), refused by ${JSON.stringify(Object.fromEntries(refusedBy))}`);
    },
    FUZZ_TIMEOUT_MS,
  );
});
