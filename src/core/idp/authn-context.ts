import type { User } from './model';

const AC = 'urn:oasis:names:tc:SAML:2.0:ac:classes:';
export const AUTHN_CLASS = {
  password: `${AC}Password`,
  passwordProtectedTransport: `${AC}PasswordProtectedTransport`,
  x509: `${AC}X509`,
  unspecified: `${AC}unspecified`,
  multiFactor: 'http://schemas.microsoft.com/claims/multipleauthn',
} as const;

/** What each sign-in method satisfies, and how Entra names the method in AADSTS75011. */
const METHODS: Record<User['authMethod'], { name: string; satisfies: string[]; issued: string }> = {
  password: {
    name: 'Password, ProtectedTransport',
    satisfies: [AUTHN_CLASS.password, AUTHN_CLASS.passwordProtectedTransport, AUTHN_CLASS.unspecified],
    issued: AUTHN_CLASS.password,
  },
  mfa: { name: 'Password, MultiFactor', satisfies: [AUTHN_CLASS.multiFactor, AUTHN_CLASS.unspecified], issued: AUTHN_CLASS.password },
  x509: { name: 'X509, MultiFactor', satisfies: [AUTHN_CLASS.x509, AUTHN_CLASS.multiFactor, AUTHN_CLASS.unspecified], issued: AUTHN_CLASS.x509 },
};

const CLASS_NAMES: Record<string, string> = {
  [AUTHN_CLASS.password]: 'Password',
  [AUTHN_CLASS.passwordProtectedTransport]: 'Password, ProtectedTransport',
  [AUTHN_CLASS.x509]: 'X509',
  [AUTHN_CLASS.multiFactor]: 'MultiFactor',
  [AUTHN_CLASS.unspecified]: 'Unspecified',
};

export type AuthnContextDecision = { ok: true; classRef: string } | { ok: false; actual: string; requested: string };

/**
 * Entra honours RequestedAuthnContext with Comparison="exact": the session's method must satisfy one of the
 * requested classes. node-saml asks for PasswordProtectedTransport by default, which an MFA session does not.
 */
export function decideAuthnContext(method: User['authMethod'], requested?: { comparison: string; classRefs: string[] }): AuthnContextDecision {
  const m = METHODS[method];
  if (!requested || requested.classRefs.length === 0) return { ok: true, classRef: m.issued };
  const match = requested.classRefs.find((c) => m.satisfies.includes(c));
  if (match) return { ok: true, classRef: match };
  return { ok: false, actual: m.name, requested: requested.classRefs.map((c) => CLASS_NAMES[c] ?? c).join(', ') };
}
