import { html } from '../http/html';
import type { Clock } from '../base/clock';
import { CoreError, err, ok, type Result } from '../base/errors';
import type { AgentTransport } from '../http/transport';
import type { EnterpriseApp, Tenant, User } from '../idp/model';
import { SpDirectory, type SpDirectoryData } from '../provisioning/directory';
import { parseIdpMetadata, trustFromSignOnUrl } from '../sp/idp-metadata';
import { loadMetadataFromUrl } from '../sp/metadata-source';
import { SpPolicy, type IdpTrust, type KeyPair } from '../sp/model';
import { ServiceProviderCore } from '../sp/service-provider';
import type { SiteBehaviour, SiteError } from '../sites/behaviour';
import { SpSite } from '../sites/sp-site';
import type { IdpConfigInput, SetupCheck, VendorError, VendorProfile, VendorUrls } from './profile';
import { errorPage, signOnFormPage, signedInPage, simplePage } from './vendor-pages';

export interface VendorSpState<S> {
  settings: S;
  idpConfig?: IdpConfigInput;
  /** For "sent to support": whether the vendor's support applied what was sent. */
  supportApplied?: boolean;
  directory: SpDirectoryData;
  /** Back-end faults switched on (the vendor's fault-injection switches). */
  faults: string[];
}

const siteError = (e: VendorError): SiteError => ({ code: e.code, message: e.message, httpStatus: e.httpStatus, reason: e.reason, ...(e.collided ? { collided: e.collided } : {}) });

/** One vendor SP: its profile, its placeholder values, its state, and the SP site that serves its URLs. */
export class VendorSp<S> {
  readonly site: SpSite;
  readonly directory: SpDirectory;
  private trust: IdpTrust | undefined;

  constructor(
    readonly profile: VendorProfile<S>,
    readonly params: Readonly<Record<string, string>>,
    readonly state: VendorSpState<S>,
    /** `encryption`: the SP's decryption key, for an SP that takes encrypted assertions. */
    private readonly deps: { clock: Clock; transport?: AgentTransport; encryption?: KeyPair },
  ) {
    this.directory = new SpDirectory(state.directory);
    const urls = this.urls;
    const core = new ServiceProviderCore({
      endpoints: { entityId: urls.identifier, acsUrl: urls.replyUrl, ...(urls.logoutUrl ? { sloUrl: urls.logoutUrl } : {}), ...(deps.encryption ? { encryption: deps.encryption } : {}) },
      policy: SpPolicy.parse(profile.policy),
      clock: deps.clock,
    });
    const id = [profile.id, ...Object.values(params)].join(':');
    this.site = new SpSite(id, core, this.behaviour(), {
      acsUrl: urls.replyUrl,
      homeUrl: urls.homeUrl,
      ...(urls.spLoginUrl ? { signOnUrl: urls.spLoginUrl } : {}),
      ...(urls.logoutUrl ? { sloUrl: urls.logoutUrl } : {}),
    });
  }

  get urls(): VendorUrls {
    return this.profile.urls(this.params);
  }

  get idpTrust(): IdpTrust | undefined {
    return this.trust;
  }

  /** The SP's private key for encrypted assertions, when it takes them. */
  get decryptionKey(): string | undefined {
    return this.deps.encryption?.privateKeyPem;
  }

  /** What the admin enters on the vendor's settings page; checked as the vendor checks it. */
  async applyIdpConfig(input: IdpConfigInput): Promise<Result<IdpTrust | undefined, VendorError | CoreError>> {
    const refused = this.profile.acceptIdpConfig(input);
    if (refused) return err(refused);
    const trust = await this.readTrust(input);
    if (!trust.ok) return trust;
    this.state.idpConfig = input;
    this.state.supportApplied = false;
    this.setTrust(input.method === 'sent-to-support' ? undefined : trust.value);
    this.profile.onIdpConfigured?.(this.state.settings);
    return ok(trust.value);
  }

  /** For vendors configured through their support team: support applies what was sent. */
  async supportApplies(): Promise<Result<void, CoreError>> {
    if (this.state.idpConfig?.method !== 'sent-to-support') return err(new CoreError('NOTHING_SENT', 'Nothing was sent to support.'));
    const trust = await this.readTrust(this.state.idpConfig);
    if (!trust.ok) return trust;
    this.state.supportApplied = true;
    this.setTrust(trust.value);
    return ok(undefined);
  }

  /** ImageKit's "Delete": the metadata goes, and SSO with it. */
  clearIdpConfig(): void {
    delete this.state.idpConfig;
    this.state.supportApplied = false;
    this.setTrust(undefined);
  }

  /** Restores the trust from saved state (after a restart). */
  async restore(): Promise<void> {
    const input = this.state.idpConfig;
    if (!input || (input.method === 'sent-to-support' && !this.state.supportApplied)) return;
    const trust = await this.readTrust(input);
    if (trust.ok) this.setTrust(trust.value);
  }

  /** A button of the vendor's settings page ("Enable", "Save role mapping"), as the vendor checks it. */
  runAction(name: string, input?: unknown): Result<void, VendorError | CoreError> {
    const action = this.profile.actions?.[name];
    if (!action) return err(new CoreError('ACTION_NOT_SUPPORTED', `${this.profile.displayName} has no "${name}" action.`));
    if (action.input) {
      const parsed = action.input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return err(new CoreError('ACTION_INPUT_INVALID', `${action.label}: ${issue.path.join('.') || 'input'}: ${issue.message}`));
      }
    }
    const refused = action.run(this.state.settings, input);
    return refused ? err(refused) : ok(undefined);
  }

  setFault(name: string, on: boolean): void {
    this.state.faults = on ? [...new Set([...this.state.faults, name])] : this.state.faults.filter((f) => f !== name);
  }

  setupChecks(tenant: Tenant, app: EnterpriseApp, user?: User): SetupCheck[] {
    return this.profile.setupChecks(
      {
        tenant,
        app,
        urls: this.urls,
        now: this.deps.clock.now(),
        ...(user ? { user } : {}),
        ...(this.state.idpConfig ? { idpConfig: this.state.idpConfig } : {}),
        ...(this.trust ? { trust: this.trust } : {}),
      },
      this.state.settings,
    );
  }

  private setTrust(trust: IdpTrust | undefined): void {
    this.trust = trust;
    this.site.core.configureIdp(trust);
  }

  private async readTrust(input: IdpConfigInput): Promise<Result<IdpTrust, CoreError>> {
    switch (input.method) {
      case 'metadata-xml':
      case 'sent-to-support': {
        const r = parseIdpMetadata(input.metadataXml, 'metadata-xml');
        return r.ok ? ok(r.value.trust) : r;
      }
      case 'metadata-url': {
        if (!this.deps.transport) return err(new CoreError('NO_TRANSPORT', 'This SP cannot fetch URLs here.'));
        const r = await loadMetadataFromUrl(input.metadataUrl, this.deps.transport);
        return r.ok ? ok(r.value.trust) : r;
      }
      case 'signon-url-and-certificate':
        return trustFromSignOnUrl(input.signOnUrl, input.certificate);
    }
  }

  private behaviour(): SiteBehaviour {
    const { profile, state } = this;
    const brand = profile.brand;
    const body = (error: SiteError) => profile.pages.errorBody?.({ code: error.code, message: error.message });
    return {
      displayName: profile.displayName,
      gate: () => {
        const g = profile.gate(state.settings, Boolean(this.trust));
        return g ? siteError(g) : undefined;
      },
      ...(profile.beforeSignOn
        ? {
            signOnForm: {
              beforeSignOn: (email: string) => {
                const r = profile.beforeSignOn!(state.settings, this.directory, email);
                return r ? siteError(r) : undefined;
              },
            },
          }
        : {}),
      decide: async (identity, report) => {
        const r = profile.signIn({
          settings: state.settings,
          directory: this.directory,
          identity,
          report,
          solicited: Boolean(report.message.inResponseTo),
          now: this.deps.clock.now(),
          faults: new Set(state.faults),
        });
        if (!r.ok) return { kind: 'refused', ...siteError(r.error) };
        return { kind: 'signed-in', details: { ...r.details, ...(r.diff ? { diff: r.diff } : {}) } };
      },
      // The SP's failed check says what collided, whatever code the vendor gives it.
      samlFailure: (report) => siteError({ ...profile.samlFailure(report), ...(report.failure?.collided ? { collided: report.failure.collided } : {}) }),
      ...(profile.missingResponse ? { missingResponse: () => siteError(profile.missingResponse!()) } : {}),
      renderSignedIn: (identity, details) => signedInPage(brand, identity, details, profile.pages.signedInFacts(identity, details)),
      renderError: (error, report) => errorPage(brand, error, report, body(error)),
      renderHome: (signInUrl) => simplePage(brand, 'sp-home', brand.product, signInUrl ? html`<p><a href="${signInUrl}">Sign in with SSO</a></p>` : undefined),
      renderSignedOut: () => simplePage(brand, 'sp-signed-out', 'You are signed out'),
      renderSignOnForm: (action, error) => signOnFormPage(brand, action, profile.pages.signOnIntro ?? 'Enter your work email to continue with your identity provider.', error),
    };
  }
}
