import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authnRequestXml, redirectQuery } from '../../src/core/scenarios/crafted-requests';
import { RunLog } from '../../src/core/runs/run-log';
import { logEntry, type HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import { EXTERNAL_RUNS_PER_SECOND } from '../../src/core/runtime/outside-runs';
import { toLoopback } from '../../src/core/http/loopback-urls';
import type { FlowRunView } from '../../src/shared/views';
import { openTempRuntime } from '../support/temp-runtime';

// Any page in the user's browser can make the tenant answer, as often as it likes. None of that may push the
// user's own runs out of the sign-in logs.

let rt: HarnessRuntime;
let close: () => Promise<void>;
let dir: string;
beforeAll(async () => {
  ({ rt, close } = await openTempRuntime());
  dir = await mkdtemp(join(tmpdir(), 'harness-flood-'));
});
afterAll(async () => {
  await close();
  await rm(dir, { recursive: true, force: true });
});

const login = () => toLoopback(rt.harness.urls.saml2, rt.origin);

describe('the sign-in logs cannot be flooded', () => {
  it('does not keep exchanges no app of the tenant recognises: 300 token-less hits on the Login URL leave the log as it was', async () => {
    const before = rt.log.entries().length;
    const junk = [login(), `${login()}?SAMLRequest=garbage`, toLoopback(rt.harness.urls.idpInitiated('00000000-0000-0000-0000-000000000000'), rt.origin)];
    await Promise.all(Array.from({ length: 300 }, (_, i) => fetch(junk[i % junk.length]!).then((r) => r.text())));
    await rt.log.flush();
    expect(rt.log.entries().length).toBe(before);
  });

  it('keeps an outside SP’s requests about a real app, at most a set number a second', async () => {
    const generic = rt.ws.apps.find((a) => a.objectId === rt.entry('generic').appObjectId)!;
    const entity = generic.saml.identifiers[0]!.value;
    // A request for a real app with a Reply URL it does not have: Entra's AADSTS50011, about that app.
    const url = () => `${login()}?${redirectQuery(authnRequestXml({ acsUrl: 'https://elsewhere.example/acs' }, { issuer: entity, acsUrl: 'x', now: new Date() }))}`;
    const before = rt.log.entries().filter((e) => e.source === 'external').length;
    const started = Date.now();
    await Promise.all(Array.from({ length: 120 }, () => fetch(url()).then((r) => r.text())));
    const seconds = Math.ceil((Date.now() - started) / 1000) + 1;
    await rt.log.flush();
    const kept = rt.log.entries().filter((e) => e.source === 'external').length - before;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(EXTERNAL_RUNS_PER_SECOND * seconds);
    expect(kept).toBeLessThan(120);
    expect(rt.log.entries().at(-1)).toMatchObject({ source: 'external', result: 'AADSTS50011' });
  });

  it('keeps outside runs in a share of their own: 1,200 of them evict none of the user’s runs', async () => {
    const log = await RunLog.open(join(dir, 'ws'), { max: 200 });
    const run = await rt.runFlow({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
    const as = (id: number): FlowRunView => ({ ...run, id: id.toString(16).padStart(16, '0') });
    for (let i = 0; i < 150; i++) void log.append(logEntry(as(i), 'run', { sp: 'Generic' }), as(i));
    for (let i = 1000; i < 2200; i++) void log.append(logEntry(as(i), 'external', { sp: 'Your SP' }), as(i));
    await log.flush();
    const own = log.entries().filter((e) => e.source !== 'external');
    const external = log.entries().filter((e) => e.source === 'external');
    expect(own).toHaveLength(150);
    expect(external.length).toBeLessThanOrEqual(log.externalMax + Math.ceil(log.externalMax / 20));
    expect(external.at(-1)!.id).toBe((2199).toString(16).padStart(16, '0'));
    const reopened = await RunLog.open(join(dir, 'ws'), { max: 200 });
    expect(reopened.entries().filter((e) => e.source !== 'external')).toHaveLength(150);
  });
});
