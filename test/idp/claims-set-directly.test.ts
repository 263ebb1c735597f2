import { describe, expect, it } from 'vitest';
import { demoTenant } from '../../src/core/demo/demo-tenant';
import { flowOverrides, issueClaims } from '../../src/core/idp/claims';
import { seedDemoWorkspace } from '../../src/core/demo/demo-workspace';

describe('claims set directly by an attribute set', () => {
  it('replace a claim after the rules, add one the app does not issue, and leave one out with no value', async () => {
    const ws = await seedDemoWorkspace(new Date());
    const app = ws.apps.find((a) => a.claims.attributes.some((c) => c.name === 'CloudinaryRole'))!;
    const tenant = ws.tenant ?? demoTenant();
    const user = tenant.users.find((u) => u.attributes.userprincipalname === 'adele.vance@contoso.com')!;
    const plain = issueClaims({ tenant, app, user });
    expect(plain.ok && plain.value.attributes.find((a) => a.name === 'CloudinaryRole')?.values).toEqual(['admin']);
    const overrides = flowOverrides({ values: { 'user.givenname': ['Ada'] }, claims: { CloudinaryRole: ['Media_Library_User'], extra_claim: ['a', 'b'], Email: [] } });
    const set = issueClaims({ tenant, app, user, overrides });
    if (!set.ok) throw set.error;
    const byName = Object.fromEntries(set.value.attributes.map((a) => [a.name, a.values]));
    expect(byName.CloudinaryRole).toEqual(['Media_Library_User']);
    expect(byName.extra_claim).toEqual(['a', 'b']);
    expect(byName.Email).toBeUndefined();
    // Source attributes still apply beside them.
    expect(byName.FirstName).toEqual(['Ada']);
  });
});
