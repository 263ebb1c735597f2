import { pemToBase64 } from '../crypto/pem';
import { defaultReplyUrl } from '../idp/app-defaults';
import { claimName } from '../idp/claim-uris';
import { isAssigned } from '../idp/directory';
import type { SigningOption, SourceAttribute } from '../idp/model';
import { entraIssuer } from '../idp/urls';
import { previewClaims } from './claims-preview';
import type { AttributeSpec, SetupCheck, SetupContext } from './profile';

type Check = Omit<SetupCheck, 'status' | 'reason'>;
const pass = (c: Check, reason: string): SetupCheck => ({ ...c, status: 'pass', reason });
const fail = (c: Check, reason: string): SetupCheck => ({ ...c, status: 'fail', reason });
const skip = (c: Check, reason: string): SetupCheck => ({ ...c, status: 'skipped', reason });

export function identifierCheck(ctx: SetupContext, step: string): SetupCheck {
  const c = { id: 'identifier', step, title: `Identifier (Entity ID) is ${ctx.urls.identifier}` };
  const ids = ctx.app.saml.identifiers.map((i) => i.value);
  if (ids.includes(ctx.urls.identifier)) return pass(c, 'present');
  const near = ids.find((i) => i.replace(/\/+$/, '').toLowerCase() === ctx.urls.identifier.replace(/\/+$/, '').toLowerCase());
  return fail(c, near ? `"${near}" is close but not equal (case and trailing slashes count)` : `the app's Identifiers are ${ids.map((i) => `"${i}"`).join(', ') || 'empty'}`);
}

export function replyUrlCheck(ctx: SetupContext, step: string): SetupCheck {
  const c = { id: 'reply-url', step, title: `Reply URL (ACS) is ${ctx.urls.replyUrl}, as the default` };
  const urls = ctx.app.saml.replyUrls.map((r) => r.url);
  if (!urls.includes(ctx.urls.replyUrl)) return fail(c, `the app's Reply URLs are ${urls.map((u) => `"${u}"`).join(', ') || 'empty'}`);
  if (defaultReplyUrl(ctx.app) !== ctx.urls.replyUrl) return fail(c, `it is listed but "${defaultReplyUrl(ctx.app)}" is the default, which IdP-initiated sign-in posts to`);
  return pass(c, 'present and default');
}

export function relayStateCheck(ctx: SetupContext, step: string): SetupCheck {
  const expected = ctx.urls.relayState;
  const c = { id: 'relay-state', step, title: `Relay State is ${expected ?? '(empty)'}` };
  const actual = ctx.app.saml.relayState;
  return actual === expected ? pass(c, actual ? 'as the guide says' : 'empty') : fail(c, `it is "${actual ?? ''}"`);
}

/** A Sign on URL makes My Apps and "Test" start SP-initiated; some vendors need it, others need it empty. */
export function signOnUrlCheck(ctx: SetupContext, step: string, expect: 'empty' | 'vendor'): SetupCheck {
  const actual = ctx.app.saml.signOnUrl;
  if (expect === 'empty') {
    const c = { id: 'sign-on-url', step, title: 'Sign on URL is empty (IdP-initiated sign-in)' };
    return actual ? fail(c, `it is "${actual}", so My Apps redirects there instead of signing the user in`) : pass(c, 'empty');
  }
  const c = { id: 'sign-on-url', step, title: `Sign on URL is ${ctx.urls.signOnUrl}` };
  return actual === ctx.urls.signOnUrl ? pass(c, 'as the guide says') : fail(c, `it is "${actual ?? ''}"`);
}

export function logoutUrlCheck(ctx: SetupContext, step: string): SetupCheck {
  const c = { id: 'logout-url', step, title: `Logout URL is ${ctx.urls.logoutUrl ?? '(empty)'}` };
  return ctx.app.saml.logoutUrl === ctx.urls.logoutUrl ? pass(c, 'as the guide says') : fail(c, `it is "${ctx.app.saml.logoutUrl ?? ''}"`);
}

export function nameIdCheck(ctx: SetupContext, step: string, source: SourceAttribute): SetupCheck {
  const c = { id: 'name-id', step, title: `Unique User Identifier is ${source}` };
  const s = ctx.app.claims.nameId.source;
  if (s.kind === 'attribute' && s.attribute === source) return pass(c, `${source} (${ctx.app.claims.nameId.format})`);
  return fail(c, s.kind === 'attribute' ? `it is ${s.attribute}` : `it is a ${s.kind}`);
}

/** The claim exists under exactly the name the vendor reads: no namespace prefix, same case. */
export function claimCheck(ctx: SetupContext, step: string, spec: AttributeSpec): SetupCheck {
  const c = { id: `claim:${spec.name}`, step, title: `Claim "${spec.name}"${spec.required ? '' : ' (optional)'}` };
  const names = ctx.app.claims.attributes.map((r) => claimName(r.name, r.namespace));
  if (spec.name === 'Groups' && ctx.app.claims.groups?.name && claimName(ctx.app.claims.groups.name, ctx.app.claims.groups.namespace) === spec.name) {
    return pass(c, 'the group claim is named so');
  }
  if (names.includes(spec.name)) return pass(c, 'present');
  const near = names.find((n) => n.toLowerCase() === spec.name.toLowerCase() || n.toLowerCase().endsWith(`/${spec.name.toLowerCase()}`));
  if (near) return fail(c, `a claim is named "${near}"; the vendor reads "${spec.name}" exactly — clear the namespace and match the case`);
  return spec.required ? fail(c, 'no claim has this name') : skip(c, 'not configured; the vendor does not require it');
}

/** The claim values the test user would get are ones the vendor accepts. */
export function claimValuesCheck(ctx: SetupContext, step: string, specs: readonly AttributeSpec[]): SetupCheck {
  const c = { id: 'claim-values', step, title: `Claim values for ${ctx.user?.attributes.userprincipalname ?? 'the test user'} are accepted` };
  if (!ctx.user) return skip(c, 'no test user chosen');
  const preview = previewClaims({ tenant: ctx.tenant, app: ctx.app, user: ctx.user, specs });
  if (preview.entraError) return fail(c, preview.entraError);
  if (preview.warnings.length) return fail(c, preview.warnings[0]!);
  const valuesOf = (name: string) => preview.claims.find((x) => x.name === name)?.values ?? [];
  return pass(c, specs.map((s) => `${s.name}=${valuesOf(s.name).join('|') || '—'}`).join(', '));
}

export function signingOptionCheck(ctx: SetupContext, step: string, required: SigningOption | 'assertion-signed'): SetupCheck {
  const actual = ctx.app.signing.option;
  if (required === 'assertion-signed') {
    const c = { id: 'signing-option', step, title: 'The assertion is signed' };
    return actual !== 'response' ? pass(c, actual) : fail(c, '"Sign SAML response" signs only the response; the vendor verifies the assertion signature');
  }
  const c = { id: 'signing-option', step, title: `Signing Option is "${label(required)}"` };
  return actual === required ? pass(c, 'as the guide says') : fail(c, `it is "${label(actual)}"`);
}

const label = (o: SigningOption): string => ({ assertion: 'Sign SAML assertion', response: 'Sign SAML response', 'response-and-assertion': 'Sign SAML response and assertion' })[o];

export function assignmentCheck(ctx: SetupContext, step: string): SetupCheck {
  const c = { id: 'assignment', step, title: `${ctx.user?.attributes.userprincipalname ?? 'The test user'} is assigned to the app` };
  if (!ctx.user) return skip(c, 'no test user chosen');
  if (!ctx.app.assignmentRequired) return pass(c, '"Assignment required?" is No');
  return isAssigned(ctx.tenant, ctx.app, ctx.user) ? pass(c, 'assigned') : fail(c, 'not assigned, directly or through a group they are a direct member of: AADSTS50105');
}

/** The vendor holds this app's configuration: its entity ID, its Login URL and its current certificate. */
export function idpConfigCheck(ctx: SetupContext, step: string): SetupCheck {
  const c = { id: 'idp-config', step, title: "The vendor has this app's IdP configuration" };
  if (!ctx.idpConfig) return fail(c, 'nothing entered at the vendor yet');
  if (!ctx.trust) return fail(c, 'what was entered could not be read');
  const active = ctx.app.signing.certificates.find((x) => x.active) ?? ctx.app.signing.certificates[0];
  if (ctx.trust.entityId && ctx.trust.entityId !== entraIssuer(ctx.tenant.id)) return fail(c, `it is for "${ctx.trust.entityId}", another tenant`);
  if (active && !ctx.trust.certificates.map(pemToBase64).includes(pemToBase64(active.certificatePem))) {
    return fail(c, `it does not contain the app's active certificate (thumbprint ${active.thumbprint}): metadata of another app, or taken before a rollover`);
  }
  return pass(c, `${ctx.idpConfig.method}, certificate ${active?.thumbprint ?? '?'}`);
}
