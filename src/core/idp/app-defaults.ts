import { newGuid } from '../base/ids';
import { createAppCertificate } from './app-certificates';
import { WS_CLAIMS } from './claim-uris';
import type { ClaimRule, EnterpriseApp } from './model';

/** The four claims a new non-gallery SAML app gets in Entra. */
export function defaultClaimRules(): ClaimRule[] {
  const rule = (id: string, name: string, attribute: ClaimRule['source'] & { kind: 'attribute' }): ClaimRule => ({
    id,
    name,
    namespace: WS_CLAIMS,
    source: attribute,
  });
  return [
    rule('givenname', 'givenname', { kind: 'attribute', attribute: 'user.givenname' }),
    rule('surname', 'surname', { kind: 'attribute', attribute: 'user.surname' }),
    rule('emailaddress', 'emailaddress', { kind: 'attribute', attribute: 'user.mail' }),
    rule('name', 'name', { kind: 'attribute', attribute: 'user.userprincipalname' }),
  ];
}

export interface NewAppInput {
  displayName: string;
  identifiers?: string[];
  replyUrls?: string[];
  signOnUrl?: string;
  relayState?: string;
  logoutUrl?: string;
}

/**
 * A new "non-gallery" enterprise app as Entra creates it: assignment required, default claims with
 * user.userprincipalname as Unique User Identifier, "Sign SAML assertion" with SHA-256, and one active
 * three-year signing certificate.
 */
/** Basic SAML Configuration from the values typed in; the first Identifier and Reply URL are the defaults. */
export function samlBasics(input: NewAppInput): EnterpriseApp['saml'] {
  const asDefault = <T>(values: string[] | undefined, make: (v: string, first: boolean) => T): T[] => (values ?? []).map((v, i) => make(v, i === 0));
  return {
    identifiers: asDefault(input.identifiers, (value, isDefault) => ({ value, isDefault })),
    replyUrls: asDefault(input.replyUrls, (url, isDefault) => ({ url, isDefault })),
    ...(input.signOnUrl ? { signOnUrl: input.signOnUrl } : {}),
    ...(input.relayState ? { relayState: input.relayState } : {}),
    ...(input.logoutUrl ? { logoutUrl: input.logoutUrl } : {}),
  };
}

export async function createEnterpriseApp(input: NewAppInput, now: Date): Promise<EnterpriseApp> {
  return {
    objectId: newGuid(),
    appId: newGuid(),
    displayName: input.displayName,
    enabled: true,
    assignmentRequired: true,
    assignments: [],
    saml: samlBasics(input),
    claims: {
      nameId: { source: { kind: 'attribute', attribute: 'user.userprincipalname' }, format: 'emailAddress' },
      attributes: defaultClaimRules(),
    },
    signing: { option: 'assertion', algorithm: 'sha256', certificates: [await createAppCertificate(now, { active: true })] },
    requestVerification: { required: false, certificates: [] },
    tokenLifetimeMinutes: 60,
  };
}

export function defaultIdentifier(app: EnterpriseApp): string | undefined {
  return (app.saml.identifiers.find((i) => i.isDefault) ?? app.saml.identifiers[0])?.value;
}

export function defaultReplyUrl(app: EnterpriseApp): string | undefined {
  return (app.saml.replyUrls.find((r) => r.isDefault) ?? app.saml.replyUrls[0])?.url;
}
