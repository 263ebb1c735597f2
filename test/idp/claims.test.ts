import { beforeAll, describe, expect, it } from 'vitest';
import { createEnterpriseApp } from '../../src/core/idp/app-defaults';
import { issueClaims, pairwiseId, type IssuedClaims } from '../../src/core/idp/claims';
import { demoTenant } from '../../src/core/demo/demo-tenant';
import type { EnterpriseApp, Tenant, User } from '../../src/core/idp/model';
import { newGuid } from '../../src/core/base/ids';

let template: EnterpriseApp;
beforeAll(async () => {
  template = await createEnterpriseApp({ displayName: 'Claims', identifiers: ['urn:test'], replyUrls: ['https://sp.test/acs'] }, new Date());
});

const freshTenant = (): Tenant => demoTenant();
const upn = (t: Tenant, u: string): User => t.users.find((x) => x.attributes.userprincipalname === u)!;
const appWith = (change: (a: EnterpriseApp) => void): EnterpriseApp => {
  const a = structuredClone(template);
  change(a);
  return a;
};
const values = (c: IssuedClaims, name: string) => c.attributes.find((a) => a.name === name)?.values;
const ok = (r: ReturnType<typeof issueClaims>): IssuedClaims => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('claims a new app issues', () => {
  it('NameID is the UPN as emailAddress, then the claims Entra always adds, then the four defaults', () => {
    const t = freshTenant();
    const adele = upn(t, 'adele.vance@contoso.com');
    const c = ok(issueClaims({ tenant: t, app: template, user: adele }));
    expect(c.nameId).toEqual({ value: 'adele.vance@contoso.com', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' });
    expect(c.attributes.map((a) => a.name)).toEqual([
      'http://schemas.microsoft.com/identity/claims/tenantid',
      'http://schemas.microsoft.com/identity/claims/objectidentifier',
      'http://schemas.microsoft.com/identity/claims/displayname',
      'http://schemas.microsoft.com/identity/claims/identityprovider',
      'http://schemas.microsoft.com/claims/authnmethodsreferences',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
    ]);
    expect(values(c, 'http://schemas.microsoft.com/identity/claims/tenantid')).toEqual([t.id]);
    expect(values(c, 'http://schemas.microsoft.com/identity/claims/identityprovider')).toEqual([`https://sts.windows.net/${t.id}/`]);
  });

  it('an MFA user gets multipleauthn in authnmethodsreferences; a guest gets live.com as identity provider', () => {
    const t = freshTenant();
    const alex = ok(issueClaims({ tenant: t, app: template, user: upn(t, 'alex.wilber@contoso.com') }));
    expect(values(alex, 'http://schemas.microsoft.com/claims/authnmethodsreferences')).toContain('http://schemas.microsoft.com/claims/multipleauthn');
    const guest = t.users.find((u) => u.userType === 'Guest')!;
    expect(values(ok(issueClaims({ tenant: t, app: template, user: guest })), 'http://schemas.microsoft.com/identity/claims/identityprovider')).toEqual(['live.com']);
    const idpOf = (g: NonNullable<typeof guest.guest>) =>
      values(ok(issueClaims({ tenant: t, app: template, user: { ...guest, guest: g } })), 'http://schemas.microsoft.com/identity/claims/identityprovider');
    expect(idpOf({ source: 'entra-tenant', homeTenantId: '0f3a2b1c-4d5e-4f60-8a9b-0c1d2e3f4a5b' })).toEqual(['https://sts.windows.net/0f3a2b1c-4d5e-4f60-8a9b-0c1d2e3f4a5b/']);
    expect(idpOf({ source: 'microsoft-account' })).toEqual(['live.com']);
    expect(idpOf({ source: 'email-one-time-passcode' })).toEqual(['mail']);
  });
});

describe('NameID', () => {
  it("with the app's format at Default, a request for persistent gets the pairwise ID: stable for a user and app, different between apps", () => {
    const t = freshTenant();
    const persistent = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
    const app = appWith((a) => (a.claims.nameId.format = 'default'));
    const other = { ...appWith((a) => (a.claims.nameId.format = 'default')), appId: '11111111-2222-4333-8444-555555555555' };
    const adele = upn(t, 'adele.vance@contoso.com');
    const first = ok(issueClaims({ tenant: t, app, user: adele, requestedNameIdFormat: persistent })).nameId;
    expect(first.format).toBe(persistent);
    expect(first.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(ok(issueClaims({ tenant: t, app, user: adele, requestedNameIdFormat: persistent })).nameId.value).toBe(first.value);
    expect(ok(issueClaims({ tenant: t, app: other, user: adele, requestedNameIdFormat: persistent })).nameId.value).not.toBe(first.value);
    expect(ok(issueClaims({ tenant: t, app, user: upn(t, 'megan.bowen@contoso.com'), requestedNameIdFormat: persistent })).nameId.value).not.toBe(first.value);
    // unspecified lets Entra choose: the source's own format and value.
    expect(ok(issueClaims({ tenant: t, app, user: adele, requestedNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified' })).nameId).toEqual({
      value: 'adele.vance@contoso.com',
      format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    });
  });

  it("the request's NameIDPolicy format is honoured over the app's, as Microsoft documents; the app's applies when the request names none", () => {
    const t = freshTenant();
    const app = appWith((a) => (a.claims.nameId.format = 'persistent'));
    const asked = ok(issueClaims({ tenant: t, app, user: upn(t, 'adele.vance@contoso.com'), requestedNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' }));
    expect(asked.nameId).toEqual({ value: 'adele.vance@contoso.com', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress' });
    const unasked = ok(issueClaims({ tenant: t, app, user: upn(t, 'adele.vance@contoso.com') }));
    expect(unasked.nameId).toEqual({ value: 'adele.vance@contoso.com', format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' });
    const unspecified = ok(issueClaims({ tenant: t, app, user: upn(t, 'adele.vance@contoso.com'), requestedNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified' }));
    expect(unspecified.nameId.format).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
  });

  it('transient is new on every sign-in', () => {
    const t = freshTenant();
    const app = appWith((a) => (a.claims.nameId.format = 'transient'));
    const u = upn(t, 'adele.vance@contoso.com');
    const a = ok(issueClaims({ tenant: t, app, user: u })).nameId.value;
    const b = ok(issueClaims({ tenant: t, app, user: u })).nameId.value;
    expect(a).not.toBe(b);
  });

  it('an empty NameID source attribute is AADSTS501241', () => {
    const t = freshTenant();
    const app = appWith((a) => (a.claims.nameId.source = { kind: 'attribute', attribute: 'user.extensionattribute9' }));
    const r = issueClaims({ tenant: t, app, user: upn(t, 'adele.vance@contoso.com') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 501241, message: "AADSTS501241: Mandatory Input 'user.extensionattribute9' missing from transformation ID 'CreateNameIdentifier'." });
  });

  it('a transformation that yields nothing falls back to the pairwise persistent ID', () => {
    const t = freshTenant();
    const app = appWith(
      (a) =>
        (a.claims.nameId.source = {
          kind: 'transformation',
          treatAsMultiValued: false,
          steps: [{ fn: 'ExtractAfter', input: { kind: 'attribute', attribute: 'user.mail' }, value: '#' }],
        }),
    );
    const u = upn(t, 'adele.vance@contoso.com');
    const c = ok(issueClaims({ tenant: t, app, user: u }));
    expect(c.nameId).toEqual({ value: pairwiseId(t.id, app.appId, u.objectid), format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' });
    expect(c.nameId.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('custom claims', () => {
  it('names with and without a namespace, constants, transformations, and NameFormat', () => {
    const t = freshTenant();
    const app = appWith((a) => {
      a.claims.attributes = [
        { id: '1', name: 'imagekit_id', source: { kind: 'constant', value: 'acme' } },
        {
          id: '2',
          name: 'full_name',
          source: {
            kind: 'transformation',
            treatAsMultiValued: false,
            steps: [{ fn: 'Join', input: { kind: 'attribute', attribute: 'user.givenname' }, input2: { kind: 'attribute', attribute: 'user.surname' }, separator: ' ' }],
          },
        },
        { id: '3', name: 'role', namespace: 'https://claims.example.com/', nameFormat: 'uri', source: { kind: 'attribute', attribute: 'user.department' } },
        { id: '4', name: 'empty', source: { kind: 'attribute', attribute: 'user.extensionattribute15' } },
      ];
    });
    const c = ok(issueClaims({ tenant: t, app, user: upn(t, 'adele.vance@contoso.com') }));
    expect(values(c, 'imagekit_id')).toEqual(['acme']);
    expect(values(c, 'full_name')).toEqual(['Adele Vance']);
    expect(c.attributes.find((a) => a.name === 'https://claims.example.com/role')).toEqual({
      name: 'https://claims.example.com/role',
      nameFormat: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri',
      values: ['developer'],
    });
    expect(values(c, 'empty')).toBeUndefined();
  });

  it('attribute-set overrides replace directory values for one sign-in', () => {
    const t = freshTenant();
    const app = appWith((a) => (a.claims.attributes = [{ id: 'r', name: 'imagekit_role', source: { kind: 'attribute', attribute: 'user.department' } }]));
    const c = ok(issueClaims({ tenant: t, app, user: upn(t, 'adele.vance@contoso.com'), overrides: { 'user.department': ['finance'] } }));
    expect(values(c, 'imagekit_role')).toEqual(['finance']);
  });
});

describe('group claims', () => {
  it('all groups, nested included, one AttributeValue per group', () => {
    const t = freshTenant();
    const app = appWith((a) => (a.claims.groups = { which: 'all', sourceAttribute: 'objectid', emitAsRoles: false }));
    const megan = upn(t, 'megan.bowen@contoso.com');
    const c = ok(issueClaims({ tenant: t, app, user: megan }));
    const ids = (names: string[]) => names.map((n) => t.groups.find((g) => g.displayname === n)!.objectid).sort();
    expect(values(c, 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups')?.sort()).toEqual(ids(['Designers', 'Marketing', 'All Staff']));
  });

  it('sAMAccountName formats, a custom name, and role emission', () => {
    const t = freshTenant();
    const megan = upn(t, 'megan.bowen@contoso.com');
    const sam = ok(
      issueClaims({ tenant: t, app: appWith((a) => (a.claims.groups = { which: 'security', sourceAttribute: 'netbiosDomainQualified', name: 'Groups', emitAsRoles: false })), user: megan }),
    );
    expect(values(sam, 'Groups')?.sort()).toEqual(['CONTOSO\\allstaff', 'CONTOSO\\designers', 'CONTOSO\\marketing']);
    const roles = ok(issueClaims({ tenant: t, app: appWith((a) => (a.claims.groups = { which: 'all', sourceAttribute: 'cloudDisplayName', emitAsRoles: true })), user: megan }));
    expect(values(roles, 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role')?.sort()).toEqual(['All Staff', 'Designers', 'Marketing']);
  });

  it('"groups assigned to the application" ignores nesting', () => {
    const t = freshTenant();
    const designers = t.groups.find((g) => g.displayname === 'Designers')!;
    const app = appWith((a) => {
      a.claims.groups = { which: 'applicationGroups', sourceAttribute: 'cloudDisplayName', emitAsRoles: false };
      a.assignments = t.groups.map((g) => ({ principalId: g.objectid, principalType: 'group' as const }));
    });
    const c = ok(issueClaims({ tenant: t, app, user: upn(t, 'diego.siciliani@contoso.com') }));
    expect(values(c, 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups')?.sort()).toEqual(['Designers', 'Engineering']);
    expect(designers.members).toContain(upn(t, 'diego.siciliani@contoso.com').objectid);
  });

  it('past 150 groups the claim is replaced by groups.link (overage), at exactly 150 it is not', () => {
    const t = freshTenant();
    const adele = upn(t, 'adele.vance@contoso.com');
    const app = appWith((a) => (a.claims.groups = { which: 'all', sourceAttribute: 'objectid', emitAsRoles: false }));
    const already = t.groups.filter((g) => g.members.includes(adele.objectid) || g.displayname === 'All Staff').length;
    const addGroups = (n: number) => {
      for (let i = 0; i < n; i++) t.groups.push({ objectid: newGuid(), displayname: `Team ${i}`, securityEnabled: true, members: [adele.objectid] });
    };
    addGroups(150 - already);
    const at150 = ok(issueClaims({ tenant: t, app, user: adele }));
    expect(values(at150, 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups')).toHaveLength(150);
    addGroups(1);
    const over = ok(issueClaims({ tenant: t, app, user: adele }));
    expect(values(over, 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups')).toBeUndefined();
    expect(values(over, 'http://schemas.microsoft.com/claims/groups.link')).toEqual([`https://graph.windows.net/${t.id}/users/${adele.objectid}/getMemberObjects`]);
  });
});
