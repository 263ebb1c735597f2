import { SAML, generateServiceProviderMetadata, type Profile, type SamlConfig } from '@node-saml/node-saml';
import type { Clock } from '../base/clock';
import { CoreError, err, type Result } from '../base/errors';
import { sharedSchemaValidator, type SchemaValidator } from '../xml/schema-validator';
import { checkLogoutResponse, type LogoutResult } from './logout-response';
import type { IdpTrust, Identity, SpEndpoints, SpPolicy } from './model';
import { restampRedirect, type OutboundMessage } from './outbound';
import type { ValidationReport } from './report';
import { ReplayCache, RequestStore } from './stores';
import { validateResponse } from './validate-response';

export interface SpCoreOptions {
  endpoints: SpEndpoints;
  policy: SpPolicy;
  clock: Clock;
  idp?: IdpTrust;
  schema?: SchemaValidator;
}

/**
 * The SP core: @node-saml/node-saml builds what an SP sends (AuthnRequest, LogoutRequest, SP metadata) and
 * gives a second opinion on responses; the harness's own named checks decide, including those node-saml
 * skips (Issuer, Destination, Recipient, replay, algorithm policy, which element must be signed, schema).
 */
export class ServiceProviderCore {
  readonly requests = new RequestStore();
  readonly logoutRequests = new RequestStore();
  readonly replay = new ReplayCache();
  private idpTrust: IdpTrust | undefined;

  constructor(private readonly options: SpCoreOptions) {
    this.idpTrust = options.idp;
  }

  get endpoints(): SpEndpoints {
    return this.options.endpoints;
  }

  get policy(): SpPolicy {
    return this.options.policy;
  }

  /** The SP's own clock (a vendor's server clock may run ahead of Entra's). */
  get clock(): Clock {
    return this.options.clock;
  }

  get idp(): IdpTrust | undefined {
    return this.idpTrust;
  }

  configureIdp(trust: IdpTrust | undefined): void {
    this.idpTrust = trust;
  }

  private nodeSaml(trust: IdpTrust, extra: Partial<SamlConfig> = {}): SAML {
    const { endpoints, policy } = this.options;
    return new SAML({
      entryPoint: trust.ssoUrl,
      logoutUrl: trust.sloUrl ?? trust.ssoUrl,
      issuer: endpoints.entityId,
      callbackUrl: endpoints.acsUrl,
      idpCert: [...trust.certificates],
      identifierFormat: policy.nameIdFormat ?? null,
      disableRequestedAuthnContext: !policy.requestedAuthnContext,
      ...(endpoints.sloUrl ? { logoutCallbackUrl: endpoints.sloUrl } : {}),
      ...extra,
    });
  }

  private requireIdp(): Result<IdpTrust> {
    return this.idpTrust ? { ok: true, value: this.idpTrust } : err(new CoreError('SP_NOT_CONFIGURED', 'The SP has no IdP configuration yet.'));
  }

  /** An AuthnRequest over HTTP-Redirect, signed when the policy says so; its ID becomes outstanding. */
  async loginRequest(opts: { relayState?: string; forceAuthn?: boolean; isPassive?: boolean } = {}): Promise<Result<OutboundMessage>> {
    const trust = this.requireIdp();
    if (!trust.ok) return trust;
    const url = await this.nodeSaml(trust.value, { forceAuthn: opts.forceAuthn ?? false, passive: opts.isPassive ?? false }).getAuthorizeUrlAsync(opts.relayState ?? '', undefined, {});
    const now = this.options.clock.now();
    const signing = this.options.policy.signAuthnRequests ? this.options.endpoints.signing?.privateKeyPem : undefined;
    const out = restampRedirect(url, 'SAMLRequest', now, signing);
    if (out.ok) this.requests.add(out.value.id, now, opts.relayState);
    return out;
  }

  /** Validates a posted SAMLResponse; `at` evaluates it as of another time, `commit: false` leaves no trace. */
  async validate(samlResponse: string, opts: { at?: Date; commit?: boolean } = {}): Promise<ValidationReport> {
    const trust = this.idpTrust ?? { ssoUrl: '', certificates: [], source: 'metadata-xml' as const };
    return validateResponse(samlResponse, {
      sp: this.options.endpoints,
      idp: trust,
      policy: this.options.policy,
      now: opts.at ?? this.options.clock.now(),
      requests: this.requests,
      replay: this.replay,
      schema: this.options.schema ?? sharedSchemaValidator(),
      commit: opts.commit ?? true,
    });
  }

  /** SP-initiated single logout of a signed-in identity. */
  async logoutRequest(identity: Identity, relayState = ''): Promise<Result<OutboundMessage>> {
    const trust = this.requireIdp();
    if (!trust.ok) return trust;
    const profile: Profile = {
      issuer: identity.issuer ?? trust.value.entityId ?? '',
      nameID: identity.nameId,
      nameIDFormat: identity.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
      ...(identity.sessionIndex ? { sessionIndex: identity.sessionIndex } : {}),
    };
    const url = await this.nodeSaml(trust.value).getLogoutUrlAsync(profile, relayState, {});
    const now = this.options.clock.now();
    const signing = this.options.policy.signAuthnRequests ? this.options.endpoints.signing?.privateKeyPem : undefined;
    const out = restampRedirect(url, 'SAMLRequest', now, signing);
    if (out.ok) this.logoutRequests.add(out.value.id, now);
    return out;
  }

  logoutResponse(rawQuery: string): LogoutResult {
    const trust = this.idpTrust;
    if (!trust) return { ok: false, reason: 'the SP has no IdP configuration' };
    const now = this.options.clock.now();
    const result = checkLogoutResponse(rawQuery, trust.certificates, (id) => this.logoutRequests.status(id, now) === 'outstanding');
    if (result.ok) this.logoutRequests.consume(result.inResponseTo);
    return result;
  }

  metadata(): string {
    const { endpoints, policy } = this.options;
    return generateServiceProviderMetadata({
      issuer: endpoints.entityId,
      callbackUrl: endpoints.acsUrl,
      wantAssertionsSigned: policy.wantAssertionsSigned,
      identifierFormat: policy.nameIdFormat ?? null,
      ...(endpoints.sloUrl ? { logoutCallbackUrl: endpoints.sloUrl } : {}),
      ...(endpoints.signing ? { publicCerts: endpoints.signing.certificatePem } : {}),
      ...(endpoints.encryption ? { decryptionCert: endpoints.encryption.certificatePem } : {}),
    });
  }
}
