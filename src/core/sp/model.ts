import { z } from 'zod';

export const RepeatedAttributes = z.enum(['merge', 'refuse', 'first', 'last']);
export type RepeatedAttributes = z.infer<typeof RepeatedAttributes>;

/** What this SP insists on. Vendors differ exactly here, so every rule is a setting. */
export const SpPolicy = z.object({
  wantAssertionsSigned: z.boolean().default(true),
  wantResponseSigned: z.boolean().default(false),
  allowSha1: z.boolean().default(false),
  /** Accept unsolicited (IdP-initiated) responses. */
  allowIdpInitiated: z.boolean().default(true),
  clockSkewSeconds: z.int().min(0).max(3600).default(180),
  /**
   * How old an assertion's IssueInstant may be (beyond the skew), 0 for no limit. Shibboleth SP's MessageFlow rule
   * ships with expires="60"; node-saml's maxAssertionAgeMs does the same job. Without it a genuinely signed response
   * that claims validity until 2099 is accepted days later.
   */
  maxIssueAgeSeconds: z.int().min(0).max(86_400).default(60),
  /** How long ago the user may have entered credentials (AuthnInstant), 0 for no limit: Shibboleth's maxTimeSinceAuthn. */
  maxAuthnAgeSeconds: z
    .int()
    .min(0)
    .max(31 * 86_400)
    .default(8 * 3600),
  requireEncryptedAssertion: z.boolean().default(false),
  signAuthnRequests: z.boolean().default(false),
  /** Send node-saml's default RequestedAuthnContext (PasswordProtectedTransport, exact), as many SPs do. */
  requestedAuthnContext: z.boolean().default(true),
  nameIdFormat: z.string().optional(),
  /**
   * How the SP reads an Attribute element whose Name was already sent: merge the values in document order,
   * refuse the response, keep the first, or keep the last. SAML does not forbid it; SPs differ exactly here.
   */
  repeatedAttributes: RepeatedAttributes.default('refuse'),
  /** Refuse a signature whose trusted certificate is outside its validity dates at the SP's clock. */
  checkCertificateValidity: z.boolean().default(false),
  /** Also have @node-saml/node-saml validate the response, and show where it disagrees. */
  crossCheck: z.boolean().default(true),
});
export type SpPolicy = z.infer<typeof SpPolicy>;

/** What the SP knows of the IdP, however it was configured. */
export const IdpTrust = z.object({
  /** Unknown when the SP was given only a sign-on URL and a certificate. */
  entityId: z.string().optional(),
  ssoUrl: z.string().min(1),
  sloUrl: z.string().optional(),
  /** PEM; every signing certificate the IdP publishes, as a rollover needs. */
  certificates: z.array(z.string()).min(1),
  /**
   * 'assumed-signer': nothing is known of the IdP, so a diagnosis took the signer's own certificate to check
   * everything else; trust is then not decided (signature.trusted is skipped, never passed).
   */
  source: z.enum(['metadata-xml', 'metadata-url', 'signon-url-and-certificate', 'assumed-signer']),
  metadataUrl: z.string().optional(),
});
export type IdpTrust = z.infer<typeof IdpTrust>;

export const KeyPair = z.object({ certificatePem: z.string(), privateKeyPem: z.string() });
export type KeyPair = z.infer<typeof KeyPair>;

export const SpEndpoints = z.object({
  entityId: z.string().min(1),
  acsUrl: z.string().min(1),
  sloUrl: z.string().optional(),
  signing: KeyPair.optional(),
  encryption: KeyPair.optional(),
});
export type SpEndpoints = z.infer<typeof SpEndpoints>;

export interface Identity {
  nameId: string;
  nameIdFormat?: string;
  /** Attribute name → values, in document order. */
  attributes: Record<string, string[]>;
  sessionIndex?: string;
  authnInstant?: string;
  authnContextClassRef?: string;
  issuer?: string;
  assertionId: string;
}
