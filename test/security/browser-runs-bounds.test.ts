import { describe, expect, it } from 'vitest';
import { BrowserRuns } from '../../src/core/runtime/browser-runs';
import { capturedPage } from '../../src/core/runtime/outside-runs';
import type { FlowResult } from '../../src/core/flows/flows';

// A real browser's run to a served vendor waits for its POST to the ACS; anything on the machine can make Entra
// issue responses, so what waits, and what is kept of its pages, is bounded.

const issued = (n: number): FlowResult => ({
  flow: 'external',
  hops: [],
  outcome: { status: 'issued', sp: 'ImageKit', appId: 'a', acsUrl: 'https://imagekit.io/saml/consume', responseId: `_${n}` },
  startedAt: new Date(0).toISOString(),
  durationMs: 0,
});

describe('real-browser runs are bounded', () => {
  it('at most 200 wait at once: the oldest is logged as issued, not kept waiting', () => {
    const expired: string[] = [];
    const runs = new BrowserRuns(
      () => undefined,
      (r) => expired.push(r.outcome.status === 'issued' ? r.outcome.responseId : ''),
    );
    for (let i = 0; i < 201; i++) runs.issued('imagekit', `_${i}`, issued(i), undefined);
    expect(expired).toEqual(['_0']);
    runs.close();
  });

  it('a page over 256 KB is not kept with its hop', () => {
    const page = (size: number) =>
      capturedPage({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<html><title>t</title>${'x'.repeat(size)}</html>` }, 'https://imagekit.io/');
    expect(page(1000).body).toBeDefined();
    expect(page(300 * 1024)).toEqual({});
  });
});
