import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authnRequestXml, logoutRequestXml, redirectQuery } from '../../src/core/scenarios/crafted-requests';
import { createApp } from '../../src/core/runtime/app-ops';
import { toLoopback } from '../../src/core/http/loopback-urls';
import type { HarnessRuntime } from '../../src/core/runtime/harness-runtime';
import type { EnterpriseApp } from '../../src/core/idp/model';
import { openTempRuntime } from '../support/temp-runtime';

// An outside SP's exchanges, as a real browser makes them: who the run was for, and which app it was about.

const ENTITY = 'urn:example:outside-runs';
const ACS = 'http://127.0.0.1:9/saml/acs';
const LOGOUT = 'http://127.0.0.1:9/saml/logout';
const ADELE = 'adele.vance@contoso.com';
const MEGAN = 'megan.bowen@contoso.com';

let rt: HarnessRuntime;
let close: () => Promise<void>;
let app: EnterpriseApp;
beforeAll(async () => {
  ({ rt, close } = await openTempRuntime());
  app = await createApp(rt, { displayName: 'Outside Runs SP' });
  app.saml = { identifiers: [{ value: ENTITY, isDefault: true }], replyUrls: [{ url: ACS, isDefault: true }], logoutUrl: LOGOUT };
  app.assignmentRequired = true;
  app.assignments = [{ principalId: rt.user(ADELE).objectid, principalType: 'user' }];
  await rt.saveApp(app.objectId);
});
afterAll(() => close());

/** A browser of its own: the Entra session cookie it was given, sent back. */
function browser() {
  let cookie = '';
  return async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    const set = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .filter((c) => !c.endsWith('='));
    if (set.length) cookie = set.join('; ');
    return { res, text: await res.text() };
  };
}

const login = () => toLoopback(rt.harness.urls.saml2, rt.origin);
const signInRequest = () => `${login()}?${redirectQuery(authnRequestXml({}, { issuer: ENTITY, acsUrl: ACS, now: new Date() }))}`;

/** SP-initiated through Entra's account picker, picking `upn`. */
async function pick(go: ReturnType<typeof browser>, upn: string): Promise<string> {
  const picker = await go(signInRequest());
  const ctx = /name="ctx" value="([^"]+)"/.exec(picker.text)![1]!;
  const action = /<form method="POST" action="([^"]+)"/.exec(picker.text)![1]!;
  return (await go(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ctx, login: upn }).toString() })).text;
}

const newest = async () => {
  await rt.log.flush();
  return rt.log.entries().at(-1)!;
};

describe('outside runs', () => {
  it('name the user picked on a refused sign-in (AADSTS50105), not only an issued one', async () => {
    const page = await pick(browser(), MEGAN);
    expect(page).toContain('AADSTS50105');
    expect(await newest()).toMatchObject({ source: 'external', status: 'failure', result: 'AADSTS50105', user: MEGAN });
  });

  it('name the app a logout was for, not the host of its Logout URL', async () => {
    const go = browser();
    const posted = await pick(go, ADELE);
    const sessionIndex = /SessionIndex="([^"]+)"/.exec(Buffer.from(/name="SAMLResponse" value="([^"]+)"/.exec(posted)![1]!, 'base64').toString())![1]!;
    await go(`${login()}?${redirectQuery(logoutRequestXml({ sessionIndex: 'session', signInFirst: true }, { issuer: ENTITY, nameId: ADELE, sessionIndex, now: new Date() }))}`);
    const run = await rt.findRun((await newest()).id);
    expect(run?.result.outcome).toMatchObject({ status: 'signed-out', sp: 'Outside Runs SP' });
  });
});
