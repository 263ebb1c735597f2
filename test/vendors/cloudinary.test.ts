import { afterEach, describe, expect, it } from 'vitest';
import { cloudinary, directLoginAllowed } from '../../src/core/vendors/cloudinary/profile';
import type { CloudinarySettings } from '../../src/core/vendors/cloudinary/settings';
import type { FlowResult } from '../../src/core/flows/flows';
import type { ProvisioningDiff } from '../../src/core/provisioning/diff';
import { startVendor, type VendorHarness, type VendorHarnessOptions } from '../support/vendor-harness';

let h: VendorHarness<CloudinarySettings> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});
const start = async (opts: VendorHarnessOptions<CloudinarySettings> = {}) => (h = await startVendor(cloudinary, opts));
const removeClaim = (name: string) => (app: { claims: { attributes: Array<{ name: string }> } }) => void (app.claims.attributes = app.claims.attributes.filter((c) => c.name !== name));

const DESCRIPTION: Record<number, string> = {
  1: 'USER_CREATION_ERROR',
  2: 'MISSING_ACCOUNT_ID',
  3: 'INVALID_ACCOUNT_ID',
  4: 'MISSING_FIRST_NAME',
  5: 'MISSING_EMAIL',
  6: 'INVALID_EMAIL_ADDRESS',
  7: 'ROLE_LOOKUP_ERROR',
  8: 'INVALID_SUBACCOUNT_IDENTIFIER',
  9: 'LICENSE_LIMIT_EXCEEDED',
  10: 'USER_UPDATE_ERROR',
  11: 'PROVISIONING_NOT_ALLOWED',
  12: 'USER_ACCOUNT_MISMATCH',
  13: 'USER_GROUP_CREATION_ERROR',
  14: 'INVALID_NAME_ID',
  15: 'SAML_VALIDATION_FAILED',
  16: 'INVALID_SAML_RESPONSE',
};

/** Cloudinary answers a failed SAML login with HTTP 400, the Error Code and the Description of its table. */
function expectCode(r: FlowResult, code: number, reason?: RegExp): void {
  expect(r.outcome, JSON.stringify(r.outcome)).toMatchObject({ status: 'error', source: 'sp', code: String(code), message: DESCRIPTION[code], httpStatus: 400 });
  if (reason) expect((r.outcome as { reason?: string }).reason).toMatch(reason);
  const last = r.hops.at(-1)!;
  expect(last.status).toBe(400);
}

const diffOf = (r: FlowResult): ProvisioningDiff => {
  if (r.outcome.status !== 'signed-in') throw new Error(JSON.stringify(r.outcome));
  return r.outcome.details!.diff as ProvisioningDiff;
};

const MEGAN = 'megan.bowen@contoso.com';

describe('Cloudinary: every code of the error table, from a real fault', () => {
  it('1 USER_CREATION_ERROR: the back end fails to create the user (fault switch)', async () => {
    const v = await start();
    v.vendor.setFault('user-creation', true);
    expectCode(await v.idpInitiated({ user: MEGAN }), 1, /fault injected/);
  });

  it('2 MISSING_ACCOUNT_ID', async () => expectCode(await (await start({ app: removeClaim('CloudinaryAccountID') })).idpInitiated({ user: MEGAN }), 2));

  it('3 INVALID_ACCOUNT_ID', async () => {
    const v = await start();
    v.settings.accountId = 'ffffffffffffffff';
    expectCode(await v.idpInitiated({ user: MEGAN }), 3, /this account's ID is "ffffffffffffffff"/);
  });

  it('4 MISSING_FIRST_NAME', async () => expectCode(await (await start({ app: removeClaim('FirstName') })).idpInitiated({ user: MEGAN }), 4));

  it('5 MISSING_EMAIL', async () => expectCode(await (await start({ app: removeClaim('Email') })).idpInitiated({ user: MEGAN }), 5));

  it('6 INVALID_EMAIL_ADDRESS', async () => {
    const v = await start({ app: (app) => void (app.claims.attributes.find((c) => c.name === 'Email')!.source = { kind: 'attribute', attribute: 'user.displayname' }) });
    expectCode(await v.idpInitiated({ user: MEGAN }), 6, /"Megan Bowen", not an email address/);
  });

  it('7 ROLE_LOOKUP_ERROR: a role that is not one of the values (they are case-sensitive)', async () => {
    const v = await start();
    v.user(MEGAN).attributes.extensionattribute1 = 'Media_Library_User';
    expectCode(await v.idpInitiated({ user: MEGAN }), 7, /accepted value is "media_library_user"/);
  });

  it('8 INVALID_SUBACCOUNT_IDENTIFIER', async () => {
    const v = await start({ app: (app) => void app.claims.attributes.push({ id: 's', name: 'CloudinarySubAccounts', source: { kind: 'constant', value: 'contoso-qa' } }) });
    expectCode(await v.idpInitiated({ user: MEGAN }), 8, /"contoso-qa" is not a product environment/);
  });

  it('9 LICENSE_LIMIT_EXCEEDED: a new user past the seats of the plan', async () => {
    const v = await start({ settings: (s) => void (s.licenseLimit = 1) });
    expect((await v.idpInitiated({ user: MEGAN })).outcome.status).toBe('signed-in');
    expectCode(await v.idpInitiated({ user: 'adele.vance@contoso.com' }), 9, /1 users of 1 seats/);
  });

  it('10 USER_UPDATE_ERROR: the back end fails to update a changed user (fault switch)', async () => {
    const v = await start();
    await v.idpInitiated({ user: MEGAN });
    v.vendor.setFault('user-update', true);
    v.user(MEGAN).attributes.givenname = 'Meg';
    expectCode(await v.idpInitiated({ user: MEGAN }), 10);
  });

  it('11 PROVISIONING_NOT_ALLOWED: login only, and the user does not exist', async () => {
    const v = await start({ settings: (s) => void (s.provisioning = false) });
    expectCode(await v.idpInitiated({ user: MEGAN }), 11, /SAML provisioning is off/);
    const sp = await v.spInitiated({ user: MEGAN });
    expect(sp.outcome).toMatchObject({ code: '11', httpStatus: 400 });
  });

  it('12 USER_ACCOUNT_MISMATCH: the email belongs to a user of another Cloudinary account', async () => {
    const v = await start({ settings: (s) => void (s.otherAccounts = [{ accountId: '0aa0aa0aa0aa0aa0', emails: [MEGAN] }]) });
    expectCode(await v.idpInitiated({ user: MEGAN }), 12, /account 0aa0aa0aa0aa0aa0/);
  });

  it('13 USER_GROUP_CREATION_ERROR: creating a missing group fails (fault switch)', async () => {
    const v = await start();
    v.vendor.setFault('group-creation', true);
    expectCode(await v.idpInitiated({ user: MEGAN }), 13, /creating group/);
  });

  it('14 INVALID_NAME_ID', async () => {
    const v = await start({ app: (app) => void (app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.objectid' }, format: 'persistent' }) });
    expectCode(await v.idpInitiated({ user: MEGAN }), 14);
  });

  it('15 SAML_VALIDATION_FAILED: the assertion is not signed; and SSO with no metadata saved', async () => {
    const signedResponse = await start({ app: (app) => void (app.signing.option = 'response') });
    expectCode(await signedResponse.idpInitiated({ user: MEGAN }), 15, /require/);
    await signedResponse.stop();
    const unconfigured = await start({ idpConfig: () => 'none' });
    expectCode(await unconfigured.idpInitiated({ user: MEGAN }), 15, /no IdP metadata/);
  });

  it('16 INVALID_SAML_RESPONSE: a mandatory field (Username) is not in the assertion', async () => {
    expectCode(await (await start({ app: removeClaim('Username') })).idpInitiated({ user: MEGAN }), 16, /"Username" is missing/);
  });
});

describe('Cloudinary provisioning', () => {
  it('the first login creates the user, with groups created as needed', async () => {
    const v = await start();
    const diff = diffOf(await v.idpInitiated({ user: MEGAN }));
    expect(diff).toMatchObject({ action: 'created', userId: v.user(MEGAN).objectid, email: 'megan.bowen@contoso.com', groupsRemoved: [], warnings: [] });
    expect(diff.groupsAdded.sort()).toEqual(['All Staff', 'Designers', 'Marketing']);
    expect(diff.groupsCreated.sort()).toEqual(['All Staff', 'Designers', 'Marketing']);
    expect(diff.changes).toContainEqual({ field: 'role', before: undefined, after: 'media_library_user' });
    expect(diff.changes).toContainEqual({ field: 'subAccounts', before: undefined, after: ['contoso-prod', 'contoso-staging', 'contoso-dev'] });
  });

  it('an unchanged login reports unchanged; a changed email and groups update, field by field', async () => {
    const v = await start();
    await v.idpInitiated({ user: MEGAN });
    expect(diffOf(await v.idpInitiated({ user: MEGAN }))).toMatchObject({ action: 'unchanged', changes: [], groupsAdded: [], groupsRemoved: [] });
    const megan = v.user(MEGAN);
    megan.attributes.mail = 'megan.bowen@contoso.org';
    v.tenant.groups.find((g) => g.displayname === 'Designers')!.members = [];
    const diff = diffOf(await v.idpInitiated({ user: MEGAN }));
    expect(diff).toMatchObject({ action: 'updated', userId: megan.objectid, groupsAdded: [], groupsRemoved: ['Designers'], groupsCreated: [] });
    expect(diff.changes).toEqual([{ field: 'email', before: MEGAN, after: 'megan.bowen@contoso.org' }]);
  });

  it('a changed role updates it; groups for a non media_library_user are ignored with a warning', async () => {
    const v = await start();
    await v.idpInitiated({ user: MEGAN });
    v.user(MEGAN).attributes.extensionattribute1 = 'media_library_admin';
    const diff = diffOf(await v.idpInitiated({ user: MEGAN }));
    expect(diff.changes).toEqual([{ field: 'role', before: 'media_library_user', after: 'media_library_admin' }]);
    expect(diff.groupsRemoved).toEqual([]);
    expect(diff.warnings).toEqual([expect.stringMatching(/^CloudinaryUserGroups \(.*\) ignored: groups apply to media_library_user only, and the role is media_library_admin$/)]);
  });

  it('master_admin ignores sub-accounts and gets every product environment', async () => {
    const v = await start({ app: (app) => void app.claims.attributes.push({ id: 's', name: 'CloudinarySubAccounts', source: { kind: 'constant', value: 'contoso-dev' } }) });
    const diff = diffOf(await v.idpInitiated({ user: 'alex.wilber@contoso.com' }));
    expect(diff.changes).toContainEqual({ field: 'subAccounts', before: undefined, after: ['contoso-prod', 'contoso-staging', 'contoso-dev'] });
    expect(diff.warnings).toContain('CloudinarySubAccounts ignored: master_admin has access to every product environment');
  });

  it('an existing user with the same email keeps their account', async () => {
    const v = await start();
    const t = new Date().toISOString();
    v.vendor.directory.put({ id: 'legacy-42', email: MEGAN, fields: { firstName: 'Megan', role: 'reports' }, groups: [], source: 'manual', createdAt: t, updatedAt: t });
    const diff = diffOf(await v.idpInitiated({ user: MEGAN }));
    expect(diff).toMatchObject({ action: 'updated', userId: 'legacy-42' });
    expect(diff.changes).toContainEqual({ field: 'role', before: 'reports', after: 'media_library_user' });
    expect(v.vendor.directory.data.users.map((u) => u.id)).toEqual(['legacy-42']);
    expect(v.vendor.directory.byId('legacy-42')!.source).toBe('manual');
  });

  it('login only: an existing user signs in, nothing is created', async () => {
    const v = await start({ settings: (s) => void (s.provisioning = false) });
    const t = new Date().toISOString();
    v.vendor.directory.put({ id: MEGAN, email: MEGAN, fields: { role: 'admin' }, groups: [], source: 'manual', createdAt: t, updatedAt: t });
    const r = await v.spInitiated({ user: MEGAN });
    expect(r.outcome).toMatchObject({ status: 'signed-in', details: { role: 'admin' } });
    expect(v.vendor.directory.data.users).toHaveLength(1);
  });

  it('"Enforce SAML login": only the master admin still logs in directly', () => {
    const s = cloudinary.settings.defaults();
    expect(directLoginAllowed(s, 'admin')).toBe(true);
    s.enforceSamlLogin = true;
    expect(directLoginAllowed(s, 'admin')).toBe(false);
    expect(directLoginAllowed(s, 'master_admin')).toBe(true);
  });
});
