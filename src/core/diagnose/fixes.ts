import { AADSTS } from '../idp/aadsts';
import type { ClaimRule } from '../idp/model';
import type { ValidationReport, CheckResult } from '../sp/report';
import { attributeViolations, type AttributeViolation } from '../vendors/attribute-rules';
import { isEmail } from '../vendors/common-claims';
import type { VendorProfile, VendorUrls } from '../vendors/profile';
import type { Fix, VendorOutcome } from './verdict-types';

interface FixContext {
  profile: VendorProfile<unknown>;
  params: Record<string, string>;
  settings: unknown;
  urls: VendorUrls;
  /** The SP's checks of the response, when one reached it (a refusal before any response has none). */
  report?: ValidationReport;
  outcome: VendorOutcome;
  at: Date;
}

const SIGNING_LABEL = { both: 'Sign SAML response and assertion', response: 'Sign SAML response', assertion: 'Sign SAML assertion' } as const;

function describeSource(rule: ClaimRule | undefined): string {
  if (!rule) return 'the attribute the guide names';
  const s = rule.source;
  if (s.kind === 'attribute') return `source attribute ${s.attribute}`;
  if (s.kind === 'constant') return `constant "${s.value}"`;
  return `a transformation (${s.steps.map((x) => x.fn).join(' → ')})`;
}

function recommendedClaim(ctx: FixContext, name: string): ClaimRule | undefined {
  return ctx.profile.recommendedApp(ctx.params, ctx.settings).claims.attributes.find((c) => c.name === name || `${c.namespace ? `${c.namespace}/` : ''}${c.name}` === name);
}

function checkFix(c: CheckResult, ctx: FixContext): Fix | undefined {
  const vendor = ctx.profile.displayName;
  const policy = ctx.profile.policy;
  const base = { because: c.reason };
  switch (c.id) {
    case 'response.destination':
    case 'subject.bearer':
      if (/expired|NotOnOrAfter/i.test(c.reason))
        return {
          where: 'capture',
          setting: 'Time of the diagnosis',
          change: `The response had expired as of ${ctx.at.toISOString()}. For an old capture, diagnose it as of its IssueInstant; for a live failure, check the SP's clock.`,
          ...base,
        };
      return {
        where: 'entra',
        setting: 'Basic SAML Configuration › Reply URL (Assertion Consumer Service URL)',
        change: `Add "${ctx.urls.replyUrl}" and mark it Default`,
        check: 'reply-url',
        ...base,
      };
    case 'assertion.audience':
      return {
        where: 'entra',
        setting: 'Basic SAML Configuration › Identifier (Entity ID)',
        change: `Set it to "${ctx.urls.identifier}" (exactly: a trailing slash or http/https difference counts)`,
        check: 'identifier',
        ...base,
      };
    case 'signature.required': {
      const option = policy.wantResponseSigned && policy.wantAssertionsSigned !== false ? SIGNING_LABEL.both : policy.wantResponseSigned ? SIGNING_LABEL.response : SIGNING_LABEL.assertion;
      return { where: 'entra', setting: 'SAML Certificates › Signing Option', change: `Choose "${option}"`, check: 'signing-option', ...base };
    }
    case 'signature.algorithm':
      return { where: 'entra', setting: 'SAML Certificates › Signing Algorithm', change: 'Choose SHA-256', check: 'signing-option', ...base };
    case 'signature.trusted':
      return {
        where: 'vendor',
        setting: `${vendor} › identity provider certificate`,
        change:
          'Give it the certificate Entra signs with now: download the Federation Metadata XML (or Certificate (Base64)) again from SAML Certificates — after a rollover the vendor must get the new one',
        check: 'idp-config',
        ...base,
      };
    case 'signature.valid':
      return { where: 'capture', setting: 'The response itself', change: 'It was changed after Entra signed it (by hand, a proxy or an extension). Capture it again, unmodified.', ...base };
    case 'signature.coverage':
      return {
        where: 'capture',
        setting: 'The response itself',
        change: 'The signature does not cover the assertion a naive SP would read: this is a signature-wrapping attempt or a tampered response. Do not accept it.',
        ...base,
      };
    case 'assertion.time':
      return {
        where: 'capture',
        setting: 'Time of the diagnosis',
        change: `The assertion is outside its validity as of ${ctx.at.toISOString()}. For an old capture, diagnose it as of its IssueInstant; for a live failure, check the SP server's clock (it allows ${policy.clockSkewSeconds ?? 180} s of skew).`,
        ...base,
      };
    case 'response.inResponseTo':
      if (/unsolicited/i.test(c.reason) && policy.allowIdpInitiated === false) {
        const signOn = ctx.urls.signOnUrl ?? ctx.urls.spLoginUrl;
        return {
          where: 'entra',
          setting: 'Basic SAML Configuration › Sign on URL',
          change: signOn ? `Set it to "${signOn}" so My Apps and "Test single sign-on" start the sign-in at ${vendor}` : `Start the sign-in at ${vendor}: it takes SP-initiated sign-in only`,
          check: 'sign-on-url',
          ...base,
        };
      }
      return {
        where: 'capture',
        setting: 'The sign-in attempt',
        change: `Start the sign-in again at ${vendor}: the request this response answers is not outstanding there (another tab, a restarted server, or it expired)`,
        ...base,
      };
    case 'response.issuer':
      return {
        where: 'vendor',
        setting: `${vendor} › identity provider metadata`,
        change: "Give it this tenant's Federation Metadata XML (the response comes from another tenant or app than the one it holds)",
        check: 'idp-config',
        ...base,
      };
    case 'response.status': {
      const code = /AADSTS(\d+)/.exec(`${ctx.report?.message.statusMessage ?? ''} ${c.reason}`)?.[1];
      const entry = code ? (AADSTS as Record<string, { name: string; fix: string }>)[code] : undefined;
      return {
        where: 'entra',
        setting: code ? `AADSTS${code}${entry ? ` (${entry.name})` : ''}` : 'Entra answered with an error status',
        change: entry?.fix ?? 'Read the StatusMessage: Entra refused the sign-in and said why',
        ...base,
      };
    }
    case 'assertion.decryption':
      return {
        where: 'entra',
        setting: 'SAML Certificates › Token encryption',
        change: /no decryption key/.test(c.reason) ? `Deactivate token encryption: ${vendor} does not decrypt assertions` : `Upload ${vendor}'s encryption certificate`,
        ...base,
      };
    case 'xml.wellFormed':
    case 'xml.schema':
      return { where: 'capture', setting: 'The message itself', change: 'It is not valid SAML as captured: it was truncated or altered on the way. Capture it again.', ...base };
    case 'subject.nameId':
      return {
        where: 'entra',
        setting: 'Attributes & Claims › Unique User Identifier (Name ID)',
        change: 'Choose a source attribute that has a value for every user (user.mail or user.userprincipalname)',
        check: 'name-id',
        ...base,
      };
    default:
      return undefined;
  }
}

function attributeFix(v: AttributeViolation, ctx: FixContext): Fix {
  const name = v.spec.name;
  const rule = recommendedClaim(ctx, name);
  const claim = `Attributes & Claims › claim "${name}"`;
  switch (v.kind) {
    case 'missing':
      if (v.nearMiss) {
        const namespace = v.nearMiss.includes('/') && !name.includes('/');
        return {
          where: 'entra',
          setting: `Attributes & Claims › claim "${v.nearMiss}"`,
          change: namespace ? `Clear its Namespace so it is sent as "${name}"` : `Rename it "${name}" (names are case-sensitive)`,
          because: `${ctx.profile.displayName} reads "${name}"; "${v.nearMiss}" was sent`,
        };
      }
      return {
        where: 'entra',
        setting: 'Attributes & Claims › Add new claim',
        change: `Name "${name}", Namespace empty, ${describeSource(rule)}`,
        because: `${ctx.profile.displayName} requires "${name}" (${v.spec.description})`,
      };
    case 'not-accepted':
      if (v.caseMismatch) {
        const lower = v.caseMismatch === v.caseMismatch.toLowerCase();
        return {
          where: 'entra',
          setting: claim,
          change: lower
            ? `Add a ToLowercase() transformation to the claim, or fix the value at its ${describeSource(rule)}`
            : `Send "${v.caseMismatch}" exactly: fix the value at its ${describeSource(rule)}`,
          because: `"${name}" has value "${v.value}"; ${ctx.profile.displayName} accepts "${v.caseMismatch}" — values are case-sensitive`,
        };
      }
      return {
        where: 'entra',
        setting: claim,
        change: `Send one of ${v.spec.accepted!.map((a) => `"${a}"`).join(', ')}: change the user's value at its ${describeSource(rule)}, or map values with a transformation`,
        because: `"${name}" has value "${v.value}"`,
      };
    case 'multiple':
      return { where: 'entra', setting: claim, change: 'Send one value (a single-valued source attribute, or a transformation that picks one)', because: `"${name}" has ${v.values.length} values` };
  }
}

function ruleFixes(ctx: FixContext): Fix[] {
  if (ctx.outcome.kind !== 'refused' || !ctx.report?.identity) return [];
  const identity = ctx.report.identity;
  const fixes: Fix[] = [];
  if (ctx.profile.nameId.emailRequired && !isEmail(identity.nameId)) {
    fixes.push({
      where: 'entra',
      setting: 'Attributes & Claims › Unique User Identifier (Name ID)',
      change: 'Source attribute user.mail (or user.userprincipalname where it is the email), Name identifier format Email address',
      because: `the NameID is "${identity.nameId}"; ${ctx.profile.displayName} expects ${ctx.profile.nameId.description}`,
      check: 'name-id',
    });
  }
  fixes.push(...attributeViolations(ctx.profile.attributes, identity).map((v) => ({ ...attributeFix(v, ctx), check: `claim:${v.spec.name}` })));
  return fixes;
}

/** The changes that would make this response work for this vendor: Entra's settings first, then the vendor's. */
export function suggestFixes(ctx: FixContext): Fix[] {
  const fromChecks = (ctx.report?.checks ?? []).filter((c) => c.status === 'fail' && !c.informational).flatMap((c) => checkFix(c, ctx) ?? []);
  const fixes = [...fromChecks, ...ruleFixes(ctx)];
  if (ctx.outcome.kind === 'refused' && fixes.length === 0) {
    const e = ctx.outcome.error;
    const vendor = ctx.profile.displayName;
    if (e.code === 'SSO_NOT_CONFIGURED')
      fixes.push({
        where: 'vendor',
        setting: `${vendor} › Single sign-on configuration`,
        change: `Give ${vendor} the enterprise app's configuration as its guide says (the Federation Metadata XML, or the values it asks for)`,
        because: e.message,
        check: 'idp-config',
      });
    else fixes.push({ where: 'vendor', setting: `${vendor}: ${e.name === e.code ? e.code : `${e.code} ${e.name}`}`, change: e.reason, because: e.message });
  }
  return fixes;
}
