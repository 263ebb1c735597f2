import { attr, childElements, descendants, elementPath, firstChild, textOf } from '../xml/dom';
import { CM_BEARER, NS } from '../xml/namespaces';
import type { Identity, RepeatedAttributes } from './model';
import type { ReportBuilder } from './report';
import { collision, type Collision } from './collision';
import type { ValidationContext } from './validation-context';

const path = (el: Element | undefined, fallback: Element): string => elementPath(el ?? fallback);

export function checkAudience(a: Element, r: ReportBuilder, ctx: ValidationContext): void {
  const conditions = firstChild(a, NS.saml, 'Conditions');
  const restrictions = conditions ? childElements(conditions, NS.saml, 'AudienceRestriction') : [];
  if (restrictions.length === 0) return r.fail('assertion.audience', 'the assertion has no AudienceRestriction: it could be meant for any SP', path(conditions, a));
  // Every AudienceRestriction must name this SP (SAML core 2.5.1.4).
  for (const restriction of restrictions) {
    const audiences = childElements(restriction, NS.saml, 'Audience').map((e) => (e.textContent ?? '').trim());
    if (!audiences.includes(ctx.sp.entityId)) {
      const collided = collision(
        'Audience',
        { where: 'Assertion › Conditions › AudienceRestriction › Audience', value: audiences.join(', ') || '(empty)' },
        { where: "The SP's entity ID", values: [ctx.sp.entityId] },
      );
      return r.fail(
        'assertion.audience',
        `the audience is ${audiences.map((x) => `"${x}"`).join(', ') || '(empty)'}, not this SP's entity ID "${ctx.sp.entityId}"`,
        elementPath(restriction),
        collided,
      );
    }
  }
  r.pass('assertion.audience', ctx.sp.entityId);
}

const skewMs = (ctx: ValidationContext): number => ctx.policy.clockSkewSeconds * 1000;

export function checkBearer(a: Element, r: ReportBuilder, ctx: ValidationContext): string | undefined {
  const subject = firstChild(a, NS.saml, 'Subject');
  const bearers = subject ? childElements(subject, NS.saml, 'SubjectConfirmation').filter((c) => attr(c, 'Method') === CM_BEARER) : [];
  if (bearers.length === 0) {
    r.fail('subject.bearer', 'no bearer SubjectConfirmation', path(subject, a));
    return undefined;
  }
  const now = ctx.now.getTime();
  const problems: Array<{ reason: string; element: Element; collided?: Collision }> = [];
  for (const c of bearers) {
    const data = firstChild(c, NS.saml, 'SubjectConfirmationData');
    const recipient = attr(data, 'Recipient');
    const notOnOrAfter = attr(data, 'NotOnOrAfter');
    if (!data || !recipient) problems.push({ reason: 'the bearer confirmation has no Recipient', element: data ?? c });
    else if (recipient !== ctx.sp.acsUrl) {
      const collided = collision('Recipient', { where: 'Assertion › Subject › SubjectConfirmationData › Recipient', value: recipient }, { where: "The SP's ACS URL", values: [ctx.sp.acsUrl] });
      problems.push({ reason: `Recipient is "${recipient}", not this SP's ACS URL "${ctx.sp.acsUrl}"`, element: data, collided });
    } else if (!notOnOrAfter) problems.push({ reason: 'the bearer confirmation has no NotOnOrAfter', element: data });
    else if (Date.parse(notOnOrAfter) <= now - skewMs(ctx)) problems.push({ reason: `the bearer confirmation expired at ${notOnOrAfter} (checked at ${ctx.now.toISOString()})`, element: data });
    else {
      r.pass('subject.bearer', `Recipient ${recipient}, valid until ${notOnOrAfter}`);
      return attr(data, 'InResponseTo');
    }
  }
  r.fail('subject.bearer', problems[0]!.reason, elementPath(problems[0]!.element), problems[0]!.collided);
  return undefined;
}

export function checkInResponseTo(response: Element, bearerInResponseTo: string | undefined, r: ReportBuilder, ctx: ValidationContext): string | undefined {
  const id = attr(response, 'InResponseTo');
  if (bearerInResponseTo !== undefined && id !== undefined && bearerInResponseTo !== id) {
    r.fail('response.inResponseTo', `the Response answers "${id}" but its bearer confirmation answers "${bearerInResponseTo}"`, elementPath(response));
    return undefined;
  }
  const answered = id ?? bearerInResponseTo;
  if (answered === undefined) {
    if (ctx.policy.allowIdpInitiated) r.pass('response.inResponseTo', 'unsolicited (IdP-initiated), which this SP accepts');
    else r.fail('response.inResponseTo', 'an unsolicited (IdP-initiated) response; this SP only accepts answers to its own AuthnRequests', elementPath(response));
    return undefined;
  }
  const state = ctx.requests.status(answered, ctx.now);
  if (state === 'outstanding') {
    r.pass('response.inResponseTo', `answers AuthnRequest ${answered}`);
    return answered;
  }
  r.fail(
    'response.inResponseTo',
    state === 'expired' ? `AuthnRequest ${answered} is too old to be answered` : `InResponseTo "${answered}" matches no AuthnRequest this SP has outstanding`,
    elementPath(response),
  );
  return undefined;
}

export function checkTimeWindow(a: Element, r: ReportBuilder, ctx: ValidationContext): void {
  const conditions = firstChild(a, NS.saml, 'Conditions');
  if (!conditions) return r.fail('assertion.time', 'the assertion has no Conditions, so no validity period', elementPath(a));
  const now = ctx.now.getTime();
  const notBefore = attr(conditions, 'NotBefore');
  const notOnOrAfter = attr(conditions, 'NotOnOrAfter');
  const skew = ctx.policy.clockSkewSeconds;
  if (notBefore && Date.parse(notBefore) > now + skewMs(ctx)) {
    return r.fail('assertion.time', `not valid before ${notBefore}; it is ${ctx.now.toISOString()} (clock skew allowed: ${skew} s)`, elementPath(conditions));
  }
  if (notOnOrAfter && Date.parse(notOnOrAfter) <= now - skewMs(ctx)) {
    return r.fail('assertion.time', `expired at ${notOnOrAfter}; it is ${ctx.now.toISOString()} (clock skew allowed: ${skew} s)`, elementPath(conditions));
  }
  const tooOld = ageProblem(a, ctx);
  if (tooOld) return r.fail('assertion.time', tooOld.reason, elementPath(tooOld.element));
  r.pass('assertion.time', `${notBefore ?? '…'} – ${notOnOrAfter ?? '…'} (skew ${skew} s)`);
}

/** The SP's maximum ages: an assertion issued, or a user authenticated, longer ago than its policy takes. */
function ageProblem(a: Element, ctx: ValidationContext): { reason: string; element: Element } | undefined {
  const now = ctx.now.getTime();
  const { maxIssueAgeSeconds: maxIssue, maxAuthnAgeSeconds: maxAuthn, clockSkewSeconds: skew } = ctx.policy;
  const issued = Date.parse(attr(a, 'IssueInstant') ?? '');
  if (maxIssue > 0 && now - issued > (maxIssue + skew) * 1000) {
    return {
      reason: `issued at ${attr(a, 'IssueInstant')}, ${ageText(now - issued)} ago; this SP takes assertions up to ${maxIssue} s old (clock skew allowed: ${skew} s), whatever their NotOnOrAfter`,
      element: a,
    };
  }
  const authn = firstChild(a, NS.saml, 'AuthnStatement');
  const authnAt = Date.parse(attr(authn, 'AuthnInstant') ?? '');
  if (authn && maxAuthn > 0 && now - authnAt > (maxAuthn + skew) * 1000) {
    return {
      reason: `the user authenticated at ${attr(authn, 'AuthnInstant')}, ${ageText(now - authnAt)} ago; this SP takes a sign-in up to ${ageText(maxAuthn * 1000)} old (maxTimeSinceAuthn)`,
      element: authn,
    };
  }
  return undefined;
}

const ageText = (ms: number): string => (ms >= 2 * 86_400_000 ? `${Math.floor(ms / 86_400_000)} days` : ms >= 7_200_000 ? `${Math.floor(ms / 3_600_000)} hours` : `${Math.round(ms / 1000)} s`);

export function checkReplay(a: Element, r: ReportBuilder, ctx: ValidationContext): void {
  const id = attr(a, 'ID');
  if (!id) return r.fail('assertion.replay', 'the assertion has no ID to detect replays by', elementPath(a));
  if (ctx.replay.has(id, ctx.now)) return r.fail('assertion.replay', `assertion ${id} was already used to sign in`, elementPath(a));
  r.pass('assertion.replay', `${id} is new`);
}

export function checkNameId(a: Element, r: ReportBuilder): Element | undefined {
  const subject = firstChild(a, NS.saml, 'Subject');
  const nameId = subject ? firstChild(subject, NS.saml, 'NameID') : undefined;
  if (subject && firstChild(subject, NS.saml, 'EncryptedID')) {
    r.fail('subject.nameId', 'the NameID is encrypted (EncryptedID), which this SP does not read', elementPath(subject));
    return undefined;
  }
  const value = textOf(nameId)?.trim();
  if (!value) {
    r.fail('subject.nameId', 'the Subject has no NameID value', path(nameId ?? subject, a));
    return undefined;
  }
  r.pass('subject.nameId', value);
  return nameId;
}

const attributeElements = (a: Element): Element[] => childElements(a, NS.saml, 'AttributeStatement').flatMap((st) => childElements(st, NS.saml, 'Attribute'));
const attributeKey = (attribute: Element): string => `${attr(attribute, 'NameFormat') ?? ''} ${attr(attribute, 'Name') ?? ''}`;

const RULE: Record<Exclude<RepeatedAttributes, 'refuse'>, string> = {
  merge: 'this SP merges their values in document order',
  first: 'this SP keeps the first and ignores the rest',
  last: 'this SP keeps the last and ignores the earlier ones',
};

/**
 * An attribute sent in several elements is read differently by SPs that merge, take the first or take the
 * last: an ambiguity an attacker who controls one of them can use. Each SP states its rule; "refuse" refuses.
 */
export function checkAttributes(a: Element, r: ReportBuilder, ctx: ValidationContext): boolean {
  const attributes = attributeElements(a);
  const counts = new Map<string, { name: string; count: number; first: Element }>();
  for (const attribute of attributes) {
    const key = attributeKey(attribute);
    const seen = counts.get(key);
    counts.set(key, { name: attr(attribute, 'Name') ?? '', count: (seen?.count ?? 0) + 1, first: seen?.first ?? attribute });
  }
  const repeated = [...counts.values()].filter((c) => c.count > 1);
  if (repeated.length === 0) {
    r.pass('assertion.attributes', `${attributes.length} attribute${attributes.length === 1 ? '' : 's'}, each once`);
    return true;
  }
  const what = repeated.map((c) => `"${c.name}" (${c.count} elements)`).join(', ');
  const rule = ctx.policy.repeatedAttributes;
  if (rule === 'refuse') {
    r.fail(
      'assertion.attributes',
      `attribute ${what} is sent more than once; SPs that merge, read the first or read the last would see different values, and this SP refuses it`,
      path(repeated[0]!.first, a),
    );
    return false;
  }
  r.warn('assertion.attributes', `attribute ${what} is sent more than once; ${RULE[rule]}`, path(repeated[0]!.first, a));
  return true;
}

/** The identity an SP takes from the assertion: NameID, attributes as name → values (read by the SP's rule), session details. */
export function readIdentity(a: Element, nameId: Element, issuer: string | undefined, rule: RepeatedAttributes = 'merge'): Identity {
  const attributes: Record<string, string[]> = {};
  for (const attribute of attributeElements(a)) {
    const name = attr(attribute, 'Name');
    if (!name) continue;
    const values = childElements(attribute, NS.saml, 'AttributeValue').map((v) => v.textContent ?? '');
    const before = attributes[name];
    attributes[name] = before === undefined || rule === 'last' ? values : rule === 'first' ? before : [...before, ...values];
  }
  const authn = firstChild(a, NS.saml, 'AuthnStatement');
  const classRef = authn ? textOf(descendants(authn, NS.saml, 'AuthnContextClassRef')[0])?.trim() : undefined;
  const format = attr(nameId, 'Format');
  const sessionIndex = attr(authn, 'SessionIndex');
  const authnInstant = attr(authn, 'AuthnInstant');
  return {
    nameId: (nameId.textContent ?? '').trim(),
    attributes,
    assertionId: attr(a, 'ID') ?? '',
    ...(format ? { nameIdFormat: format } : {}),
    ...(sessionIndex ? { sessionIndex } : {}),
    ...(authnInstant ? { authnInstant } : {}),
    ...(classRef ? { authnContextClassRef: classRef } : {}),
    ...(issuer ? { issuer } : {}),
  };
}

/**
 * Until when the replay cache must remember the assertion: its NotOnOrAfter, or sooner when the SP refuses it for
 * age before then (an assertion claiming validity until 2099 is not held until 2099).
 */
export function replayUntil(a: Element, ctx: ValidationContext): Date {
  const t = Date.parse(attr(firstChild(a, NS.saml, 'Conditions'), 'NotOnOrAfter') ?? '');
  const expiry = Number.isNaN(t) ? ctx.now.getTime() + 3_600_000 : t;
  const issued = Date.parse(attr(a, 'IssueInstant') ?? '');
  const { maxIssueAgeSeconds: maxIssue, clockSkewSeconds: skew } = ctx.policy;
  const byAge = maxIssue > 0 && !Number.isNaN(issued) ? issued + (maxIssue + 2 * skew) * 1000 : Infinity;
  return new Date(Math.min(expiry, byAge));
}
