/**
 * The AADSTS errors the mock tenant emulates, with Entra's error names and message wording. Each one is raised
 * only by a request or configuration that really has that fault (see authn-request.ts, sign-in.ts, logout.ts).
 */
type Params = Record<string, string>;

interface Entry {
  name: string;
  /** What the error page's "Message" line says. */
  text: (p: Params) => string;
  /** What to change, for the harness's own hint under the Entra page. */
  fix: string;
  /** Other words a ticket uses for the same code (the OpenID Connect wording of it, say). */
  also?: string;
}

export const AADSTS = {
  750054: {
    name: 'SAMLRequestNotPresent',
    text: () => 'SAMLRequest or SAMLResponse must be present as query string parameters in HTTP request for SAML Redirect binding.',
    fix: 'Send the AuthnRequest as a SAMLRequest query parameter (HTTP-Redirect) or form field (HTTP-POST), base64-encoded (and DEFLATE-compressed for Redirect).',
  },
  90107: {
    name: 'InvalidXml',
    text: (p) => `The request isn't valid. Make sure your data doesn't have invalid characters. ${p.reason ?? ''}`.trim(),
    fix: 'The SAMLRequest decodes but is not well-formed XML; check the encoding step of the SP.',
  },
  75005: {
    name: 'Saml2MessageInvalid',
    text: (p) => `The request is not a valid Saml2 protocol message. ${p.reason ?? ''}`.trim(),
    fix: 'Send a samlp:AuthnRequest (or samlp:LogoutRequest) in the SAML 2.0 protocol namespace.',
  },
  90014: {
    name: 'MissingRequiredField',
    text: (p) => `The required field '${p.field}' is missing from the credential. Ensure that you have all the necessary parameters for the login request.`,
    fix: 'Add the missing element or attribute to the AuthnRequest.',
  },
  7500529: {
    name: 'InvalidSamlId',
    text: (p) => `The value '${p.id}' is not a valid SAML ID. The ID must not begin with a number.`,
    fix: 'Prefix the AuthnRequest ID with a letter or underscore, e.g. "_" + GUID.',
  },
  900236: {
    name: 'InvalidRequestSamlPropertyUnsupported',
    text: (p) => `The SAML authentication request property '${p.property}' is not supported and must not be set.`,
    fix: 'Remove the element from the AuthnRequest; to pre-select the user, use the login_hint query parameter instead of <Subject>.',
  },
  75016: {
    name: 'Saml2AuthenticationRequestInvalidNameIDPolicy',
    text: (p) => `SAML2 Authentication Request has invalid NameIdPolicy. Format '${p.format}' is not supported.`,
    fix: 'Request persistent, emailAddress, unspecified or transient, or leave NameIDPolicy out.',
  },
  75003: {
    name: 'UnsupportedBindingError',
    text: (p) => `The application returned an error related to unsupported binding (SAML protocol response can't be sent via bindings other than HTTP POST). Requested binding: '${p.binding}'.`,
    fix: 'Set ProtocolBinding to urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST, or leave it out.',
  },
  // Stricter than documented, on purpose: the protocol page (single-sign-on-saml-protocol) says Destination is
  // not validated, but Entra has been seen refusing a Destination naming another tenant's Login URL with this code,
  // and an SP that sends a wrong Destination is worth flagging before it meets a stricter IdP.
  75008: {
    name: 'RequestDeniedError',
    text: (p) => `The request from the application was denied since the SAML request had an unexpected destination '${p.destination}'.`,
    fix: "Set Destination to the tenant's Login URL (https://login.microsoftonline.com/{tenant-id}/saml2), or leave it out.",
  },
  76021: {
    name: 'ApplicationRequiresSignedRequests',
    text: () => 'The request sent by client is not signed while the application requires signed requests.',
    fix: 'Sign the AuthnRequest with the key of a verification certificate uploaded to the app, or turn "Require verification certificates" off.',
  },
  50006: {
    name: 'InvalidSignature',
    text: () => 'Signature verification failed because of an invalid signature.',
    fix: "The AuthnRequest signature does not verify with any of the app's verification certificates: upload the SP's current signing certificate.",
  },
  // Stricter than documented, on purpose: the protocol page says IssueInstant is not checked; Entra's run-time
  // answer to a request issued long ago (a reused or replayed URL) is this code, and a clock-skewed SP meets it.
  76026: {
    name: 'RequestIssueTimeExpired',
    text: (p) => `IssueInstant in the SAML2 Authentication Request is expired. IssueInstant: '${p.issueInstant}', current time: '${p.now}'.`,
    fix: "Build the AuthnRequest when the user starts the sign-in, and check the SP's clock.",
  },
  90015: {
    name: 'QueryStringTooLong',
    text: (p) => `The query string is too long (${p.length} characters).`,
    fix: 'Keep the Redirect binding query short, or send the AuthnRequest with HTTP-POST.',
  },
  90002: {
    name: 'InvalidTenantName',
    text: (p) => `Tenant '${p.tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    fix: 'Use the tenant ID (or a verified domain) of the tenant in the Login URL.',
  },
  700016: {
    name: 'UnauthorizedClient_DoesNotMatchRequest',
    text: (p) =>
      `Application with identifier '${p.identifier}' was not found in the directory '${p.tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    fix: "Make the AuthnRequest Issuer exactly equal one of the app's Identifiers (Entity ID) — a trailing slash counts.",
  },
  50011: {
    name: 'InvalidReplyTo',
    text: (p) =>
      `The reply URL '${p.replyUrl}' specified in the request does not match the reply URLs configured for the application: '${p.appId}'. Make sure the reply URL sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/urlMismatchError to learn more about how to fix this.`,
    fix: 'Add the AssertionConsumerServiceURL of the request to Reply URL (Assertion Consumer Service URL) in Basic SAML Configuration, or fix the SP.',
    also: 'The redirect URI specified in the request does not match the redirect URIs configured for the application.',
  },
  7000112: {
    name: 'UnauthorizedClientApplicationDisabled',
    text: (p) => `Application '${p.appId}'(${p.appName}) is disabled.`,
    fix: 'Set "Enabled for users to sign-in?" to Yes in the app\'s Properties.',
  },
  50034: {
    name: 'UserAccountNotFound',
    text: (p) => `The user account ${p.upn} does not exist in the ${p.tenant} directory. To sign into this application, the account must be added to the directory.`,
    fix: 'Add the user to the tenant, or sign in with an account of the tenant.',
  },
  50020: {
    name: 'UserUnauthorized',
    text: (p) =>
      `User account '${p.upn}' from identity provider '${p.idp}' does not exist in tenant '${p.tenant}' and cannot access the application '${p.appId}'(${p.appName}) in that tenant. The account needs to be added as an external user in the tenant first.`,
    fix: 'Invite the user as a guest (B2B) in the tenant.',
  },
  50057: {
    name: 'UserDisabled',
    text: () => 'The user account is disabled. The account has been disabled by an administrator.',
    fix: 'Set "Account enabled" on the user.',
  },
  53003: {
    name: 'BlockedByConditionalAccess',
    text: () => 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
    fix: 'Review the Conditional Access policies that apply to this user and app.',
  },
  50076: {
    name: 'UserStrongAuthClientAuthNRequired',
    text: (p) => `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${p.appId}'.`,
    // In a browser Entra prompts for MFA; this final page is for a user who cannot complete the prompt (the
    // harness models "no MFA method at hand"), as Entra returns it to clients that cannot show the prompt.
    fix: "Complete MFA (approve the prompt, or set the user's sign-in method to MFA in the harness) or exclude the app from the policy.",
  },
  500121: {
    name: 'AuthenticationFailedStrongAuthRequest',
    text: () => 'Authentication failed during strong authentication request.',
    fix: 'The user denied the MFA prompt (or it timed out): sign in again and approve it.',
  },
  50058: {
    name: 'UserInformationNotProvided',
    // The run-time text Entra puts in the StatusMessage, not the reference page's summary ("Session information
    // isn't sufficient for single-sign-on"), as SPs and support tickets show it.
    text: () =>
      "A silent sign-in request was sent but no user is signed in. The cookies used to represent the user's session were not sent in the request to Azure AD. This can happen if the user is using Internet Explorer or Edge, and the web app sending the silent sign-in request is in different IE security zone than the Azure AD endpoint (login.microsoftonline.com).",
    fix: 'The SP sent IsPassive="true" with no Entra session; sign in interactively first or drop IsPassive.',
  },
  75011: {
    name: 'NoMatchedAuthnContextInOutputClaims',
    text: (p) =>
      `Authentication method '${p.actual}' by which the user authenticated with the service doesn't match requested authentication method '${p.requested}'. Contact the ${p.appName} application owner.`,
    fix: 'Remove RequestedAuthnContext from the AuthnRequest (node-saml: disableRequestedAuthnContext), or request the method the user signs in with.',
  },
  50105: {
    name: 'EntitlementGrantsNotFound',
    text: (p) =>
      `Your administrator has configured the application ${p.appName} ('${p.appId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '${p.upn}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`,
    fix: 'Assign the user (or a group the user is a direct member of) to the app under Users and groups, or set "Assignment required?" to No.',
  },
  501241: {
    name: 'MandatoryInputMissing',
    text: (p) => `Mandatory Input '${p.input}' missing from transformation ID 'CreateNameIdentifier'.`,
    fix: 'The Unique User Identifier (Name ID) source attribute is empty for this user: fill it in, or pick another source.',
  },
  50124: {
    name: 'ClaimsTransformationInvalidInputParameter',
    text: (p) => `Claims Transformation contains invalid input parameter. ${p.reason ?? ''}`.trim(),
    fix: 'Fix the claim transformation (for RegexReplace, a pattern that compiles).',
  },
  501621: {
    name: 'ClaimsTransformationTimeoutRegularExpressionTimeout',
    text: () => 'Regular expression replacement for claims transformation has timed out. This indicates a too complex regular expression may have been configured for this application.',
    fix: 'Simplify the RegexReplace pattern (avoid nested quantifiers).',
  },
  50003: {
    name: 'MissingSigningKey',
    text: () => 'Sign-in failed because of a missing signing key or certificate. No signing key configured in the app.',
    fix: 'Create a SAML signing certificate under SAML Certificates and make it active.',
  },
  50146: {
    name: 'MissingCustomSigningKey',
    text: () => 'This app is required to be configured with an app-specific signing key. It is either not configured with one, or the key has expired or is not yet valid.',
    fix: 'Create a new SAML signing certificate and make it active; the current ones are expired or not yet valid.',
  },
  50061: {
    name: 'SignoutInvalidRequest',
    text: (p) => `Unable to complete sign out. The request was invalid. ${p.reason ?? ''}`.trim(),
    fix: 'Send a well-formed samlp:LogoutRequest with an Issuer that is one of the app identifiers.',
  },
  50068: {
    name: 'SignoutInitiatorNotParticipant',
    text: () => 'Sign out has failed. The app that initiated sign out is not a participant in the current session.',
    fix: 'Sign in to the app through Entra before signing out of it.',
  },
  50070: {
    name: 'SignoutUnknownSessionIdentifier',
    text: () => 'Sign out has failed. The sign out request specified a name identifier that did not match the existing session(s).',
    fix: 'Send the SessionIndex (and NameID) of the session the login response created.',
  },
  50071: {
    name: 'SignoutMessageExpired',
    text: () => 'The logout request has expired.',
    fix: 'Build the LogoutRequest when the user signs out, and check the SP clock.',
  },
} as const satisfies Record<number, Entry>;

export type AadstsCode = keyof typeof AADSTS;

export interface AadstsError {
  code: AadstsCode;
  name: string;
  /** The message as the Entra error page shows it, starting with "AADSTS<code>:". */
  message: string;
  fix: string;
}

export function aadsts(code: AadstsCode, params: Params = {}): AadstsError {
  const e: Entry = AADSTS[code];
  return { code, name: e.name, message: `AADSTS${code}: ${e.text(params)}`, fix: e.fix };
}

/** The code's message with its values left blank, and its other wordings: what a ticket quotes of it. */
export function aadstsTicketWords(code: number): string | undefined {
  const e = (AADSTS as Record<number, Entry | undefined>)[code];
  if (!e) return undefined;
  const blank = new Proxy({}, { get: () => '' }) as Params;
  return `${e.text(blank)} ${e.also ?? ''}`.trim();
}

/** AADSTS codes from the reference that are not SAML-IdP faults, and why the mock does not raise them. */
export const NOT_EMULATED: Readonly<Record<number, string>> = {
  50107: 'Raised when Entra is the SP of a federated realm (guest federation), not when it is the IdP.',
  7500514: 'Raised for WS-Trust SAML 1.1 tokens posted to Entra, not for SAML 2.0 SSO.',
  700027: 'An OAuth client-assertion error; SAML apps never send one.',
  650056: 'An OAuth consent/permissions error; for SAML its trigger is the same as AADSTS700016, which is raised instead.',
  50126: 'The mock sign-in page picks an account without a password, so there is no wrong password to enter.',
};
