import { createPrivateKey, sign } from 'node:crypto';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { signingCertificate } from '../../src/core/idp/app-certificates';
import { AUTHN_CLASS } from '../../src/core/idp/authn-context';
import { issueClaims } from '../../src/core/idp/claims';
import type { SigningOption } from '../../src/core/idp/model';
import { buildLoginResponse } from '../../src/core/idp/response-builder';
import { entraIssuer } from '../../src/core/idp/urls';
import { childElements, descendants } from '../../src/core/xml/dom';
import { NS } from '../../src/core/xml/namespaces';
import { parseXmlOrThrow } from '../../src/core/xml/parse';
import { cloudinaryBench } from '../fixture';
import { measure, type Timing } from '../stats';

export interface SigningResult {
  /** The mock IdP building and signing a whole response, per signing option. */
  build: Record<SigningOption, Timing>;
  floor: { rsaSha256Sign: Timing; c14nAssertion: Timing; c14nResponse: Timing; c14nSignedInfo: Timing };
  /** What each option cannot go below: its signatures and their canonicalisations. */
  floorPerOption: Record<SigningOption, number>;
}

const OPTIONS: SigningOption[] = ['assertion', 'response', 'response-and-assertion'];

export async function signingBench(n = 300): Promise<SigningResult> {
  const b = await cloudinaryBench();
  try {
    const { box } = b;
    const now = box.clock.now();
    const user = box.tenant.users.find((u) => u.attributes.userprincipalname === b.user)!;
    const cert = signingCertificate(box.app, now);
    const claims = issueClaims({ tenant: box.tenant, app: box.app, user });
    if (!cert.ok || !claims.ok) throw new Error('the bench app cannot issue');
    const input = (option: SigningOption) => ({
      issuer: entraIssuer(box.tenant.id),
      app: { ...box.app, signing: { ...box.app.signing, option } },
      certificate: cert.value,
      claims: claims.value,
      acsUrl: box.vendor.urls.replyUrl,
      audience: box.vendor.urls.identifier,
      authnInstant: now,
      authnContextClassRef: AUTHN_CLASS.passwordProtectedTransport,
      now,
    });
    const build = {} as Record<SigningOption, Timing>;
    for (const o of OPTIONS) build[o] = await measure(n, () => buildLoginResponse(input(o)));

    const signed = await buildLoginResponse(input('assertion'));
    const doc = parseXmlOrThrow(signed.xml);
    const assertion = childElements(doc.documentElement, NS.saml, 'Assertion')[0]!;
    const signedInfo = descendants(doc, NS.ds, 'SignedInfo')[0]!;
    const c14n = new ExclusiveCanonicalization();
    const key = createPrivateKey(cert.value.privateKeyPem);
    const canonSignedInfo = c14n.process(signedInfo.cloneNode(true) as Element, {});
    const floor = {
      rsaSha256Sign: await measure(n * 3, () => sign('sha256', Buffer.from(canonSignedInfo), key)),
      c14nAssertion: await measure(n * 3, () => c14n.process(assertion.cloneNode(true) as Element, {})),
      c14nResponse: await measure(n * 3, () => c14n.process(doc.documentElement.cloneNode(true) as Element, {})),
      c14nSignedInfo: await measure(n * 3, () => c14n.process(signedInfo.cloneNode(true) as Element, {})),
    };
    const one = (target: Timing) => floor.rsaSha256Sign.p50 + target.p50 + floor.c14nSignedInfo.p50;
    const floorPerOption = {
      assertion: one(floor.c14nAssertion),
      response: one(floor.c14nResponse),
      'response-and-assertion': one(floor.c14nAssertion) + one(floor.c14nResponse),
    };
    return { build, floor, floorPerOption };
  } finally {
    await b.stop();
  }
}
