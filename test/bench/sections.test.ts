import { describe, expect, it } from 'vitest';
import { signingBench } from '../../bench/sections/signing';
import { validationBench } from '../../bench/sections/validation';
import { roundTripBench } from '../../bench/sections/roundtrip';
import { diagnosisBench } from '../../bench/sections/diagnosis';
import { uiBench } from '../../bench/sections/ui';
import { nodeApiBench } from '../../bench/sections/node-api';
import { runLogBench } from '../../bench/sections/run-log';
import type { Timing } from '../../bench/stats';

/**
 * `npm run bench` is not part of the tests, so each of its sections runs here a few times to keep it working:
 * every measure is taken and every run it times really happened. No timing is asserted (that is the bench's job).
 */
const measured = (t: Timing, n: number) => {
  expect(t.n).toBe(n);
  expect(t.p50).toBeGreaterThan(0);
  expect(t.p95).toBeGreaterThanOrEqual(t.p50);
};

describe('the benchmark sections', () => {
  it('signing: each option and the floor', async () => {
    const r = await signingBench(5);
    for (const t of Object.values(r.build)) measured(t, 5);
    expect(r.floorPerOption['response-and-assertion']).toBeGreaterThan(r.floorPerOption.assertion);
  }, 60_000);

  it('validation: ours, node-saml and samlify on the same accepted response', async () => {
    const r = await validationBench(5);
    for (const t of [r.ours, r.oursWithoutSchema, r.oursWithSecondOpinion, r.schemaOnly, r.nodeSaml, r.samlify]) measured(t, 5);
    expect(r.ratioOursToNodeSaml).toBeGreaterThan(0);
    expect(r.responseBytes).toBeGreaterThan(1000);
  }, 60_000);

  it('round trip: signed-in flows, two agents, the floor below them', async () => {
    const r = await roundTripBench(10, { rsaSign: 0.3, c14nAssertion: 0.3, c14nSignedInfo: 0.05 });
    measured(r.sequential, 10);
    expect(r.concurrentFlowsPerSecond).toBeGreaterThan(0);
    expect(r.ratioToFloor).toBeGreaterThan(1);
    expect(r.peakRssMb).toBeGreaterThan(0);
  }, 60_000);

  it('diagnosis: every file diagnosed by the command line, and a HAR', async () => {
    const r = await diagnosisBench(12, 3);
    expect(r).toMatchObject({ files: 12, distinctResponses: 3, allDiagnosed: true, har: { responses: 3 }, hostileHar: { entries: 2000 } });
    expect(r.hostileHar.answerMb).toBeGreaterThan(0);
    expect(r.oneThreadMs).toBeGreaterThan(0);
  }, 120_000);

  it('UI: web mode answers in Chromium and the code view paints a 1 MB response', async () => {
    const r = await uiBench(1, 1);
    measured(r.launchToInteractive, 1);
    measured(r.render1Mb, 1);
    expect(r.renderedBytes).toBeGreaterThan(1_000_000);
  }, 120_000);

  it('Node API: start to metadata, and an outside SP signing in over HTTPS', async () => {
    const r = await nodeApiBench(2, 5);
    measured(r.startToMetadata, 2);
    measured(r.outsideSignInHttps, 5);
  }, 60_000);

  it('sign-in logs: runs with the log on and off, and a logged workspace opened on the logs screen', async () => {
    const r = await runLogBench(20, 1, 50);
    measured(r.withLog, 20);
    measured(r.withoutLog, 20);
    measured(r.openScreen, 1);
    expect(r.loggedRuns).toBe(50);
  }, 120_000);
});
