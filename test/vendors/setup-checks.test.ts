import { afterEach, describe, expect, it } from 'vitest';
import { createAppCertificate, activateCertificate } from '../../src/core/idp/app-certificates';
import { cloudinary } from '../../src/core/vendors/cloudinary/profile';
import { huggingface } from '../../src/core/vendors/huggingface/profile';
import { imagekit } from '../../src/core/vendors/imagekit/profile';
import { imagen } from '../../src/core/vendors/imagen/profile';
import type { SetupCheck, VendorProfile } from '../../src/core/vendors/profile';
import { startVendor, type VendorHarnessOptions } from '../support/vendor-harness';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function checks<S>(
  profile: VendorProfile<S>,
  opts: VendorHarnessOptions<S> & { user?: string; before?: (v: Awaited<ReturnType<typeof startVendor<S>>>) => Promise<void> | void } = {},
): Promise<SetupCheck[]> {
  const v = await startVendor(profile, opts);
  stop = v.stop;
  await opts.before?.(v);
  if (profile.id === 'imagen') await v.vendor.supportApplies();
  return v.vendor.setupChecks(v.tenant, v.app, v.user(opts.user ?? 'adele.vance@contoso.com'));
}

const failing = (cs: SetupCheck[]) => cs.filter((c) => c.status === 'fail');
function onlyFailure(cs: SetupCheck[], id: string, reason?: RegExp): SetupCheck {
  const f = failing(cs);
  expect(
    f.map((c) => c.id),
    JSON.stringify(f, null, 1),
  ).toEqual([id]);
  if (reason) expect(f[0]!.reason).toMatch(reason);
  expect(f[0]!.step.length).toBeGreaterThan(5);
  return f[0]!;
}

const hfOpts = {
  params: { org: 'contoso-ml' },
  idpConfig: (c: { loginUrl: string; certificatePem: string }) => ({ method: 'signon-url-and-certificate' as const, signOnUrl: c.loginUrl, certificate: c.certificatePem }),
};

describe("each vendor's guide, followed to the letter, passes every setup check", () => {
  it.each([
    ['imagekit', imagekit, {}],
    ['cloudinary', cloudinary, {}],
    ['huggingface', huggingface, hfOpts],
    ['imagen', imagen, { params: { subdomain: 'contoso' } }],
  ] as Array<[string, VendorProfile<unknown>, VendorHarnessOptions<unknown>]>)('%s', async (_id, profile, opts) => {
    const cs = await checks(profile, { ...opts, user: profile.id === 'cloudinary' ? 'megan.bowen@contoso.com' : 'adele.vance@contoso.com' });
    expect(failing(cs)).toEqual([]);
    expect(cs.length).toBeGreaterThanOrEqual(5);
  });
});

describe('the setup checks catch each mistake, one check each', () => {
  it('identifier: a trailing slash on the Entity ID', async () => {
    onlyFailure(await checks(imagekit, { app: (a) => void (a.saml.identifiers = [{ value: 'https://imagekit.io/saml/consume/', isDefault: true }]) }), 'identifier', /close but not equal/);
  });

  it('reply-url: the vendor URL is listed but another is the default', async () => {
    onlyFailure(
      await checks(cloudinary, {
        user: 'megan.bowen@contoso.com',
        app: (a) =>
          void (a.saml.replyUrls = [
            { url: 'https://cloudinary.com/console', isDefault: true },
            { url: 'https://cloudinary.com/saml/consume', isDefault: false },
          ]),
      }),
      'reply-url',
      /is the default/,
    );
  });

  it('relay-state: left empty', async () => {
    onlyFailure(await checks(imagekit, { app: (a) => void delete a.saml.relayState }), 'relay-state');
  });

  it('sign-on-url: set for ImageKit, whose first login must come from My Apps', async () => {
    onlyFailure(await checks(imagekit, { app: (a) => void (a.saml.signOnUrl = 'https://imagekit.io/single-sign-on') }), 'sign-on-url', /My Apps redirects there/);
  });

  it('sign-on-url: missing for Imagen, which the guide asks to set', async () => {
    onlyFailure(await checks(imagen, { params: { subdomain: 'contoso' }, app: (a) => void delete a.saml.signOnUrl }), 'sign-on-url');
  });

  it('logout-url: wrong', async () => {
    onlyFailure(await checks(imagekit, { app: (a) => void (a.saml.logoutUrl = 'https://imagekit.io/signout') }), 'logout-url');
  });

  it('name-id: left at user.userprincipalname where the guide says user.mail', async () => {
    onlyFailure(await checks(imagekit, { app: (a) => void (a.claims.nameId.source = { kind: 'attribute', attribute: 'user.userprincipalname' }) }), 'name-id', /user.userprincipalname/);
  });

  it('claim: a claim created with the default namespace', async () => {
    const cs = await checks(imagekit, { app: (a) => void (a.claims.attributes.find((c) => c.name === 'imagekit_role')!.namespace = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims') });
    expect(failing(cs).map((c) => c.id)).toEqual(['claim:imagekit_role', 'claim-values']);
    expect(failing(cs)[0]!.reason).toMatch(/clear the namespace/);
  });

  it('claim-values: the test user would get a role the vendor refuses', async () => {
    onlyFailure(await checks(imagekit, { user: 'diego.siciliani@contoso.com' }), 'claim-values', /"Developer"; the accepted value is "developer"/);
  });

  it('signing-option: Hugging Face needs "Sign SAML response and assertion"', async () => {
    onlyFailure(await checks(huggingface, { ...hfOpts, app: (a) => void (a.signing.option = 'assertion') }), 'signing-option', /"Sign SAML assertion"/);
  });

  it('signing-option: "Sign SAML response" leaves the assertion ImageKit verifies unsigned', async () => {
    onlyFailure(await checks(imagekit, { app: (a) => void (a.signing.option = 'response') }), 'signing-option');
  });

  it('assignment: the test user is not assigned', async () => {
    onlyFailure(await checks(imagekit, { app: (a, t) => void (a.assignments = a.assignments.filter((x) => x.principalId !== t.users[0]!.objectid)) }), 'assignment', /AADSTS50105/);
  });

  it('idp-config: nothing was pasted into the vendor', async () => {
    onlyFailure(await checks(imagekit, { idpConfig: () => 'none' }), 'idp-config', /nothing entered/);
  });

  it('idp-config: the vendor still has the metadata from before a certificate rollover', async () => {
    const cs = await checks(imagekit, {
      before: async (v) => {
        const next = await createAppCertificate(new Date());
        v.app.signing.certificates.push(next);
        Object.assign(v.app, activateCertificate(v.app, next.thumbprint));
      },
    });
    onlyFailure(cs, 'idp-config', /before a rollover/);
  });
});
