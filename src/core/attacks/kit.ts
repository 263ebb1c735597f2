import { createPublicKey } from 'node:crypto';
import xmlenc from 'xml-encryption';
import type { SignInRecord } from '../sites/sp-site';
import { peekResponseId } from '../sites/sp-site';
import { UserAgent } from '../flows/user-agent';
import { signingCertificate } from '../idp/app-certificates';
import { AUTHN_CLASS } from '../idp/authn-context';
import { issueClaims } from '../idp/claims';
import type { SigningOption } from '../idp/model';
import { buildLoginResponse } from '../idp/response-builder';
import { entraIssuer } from '../idp/urls';
import { newSamlId } from '../base/ids';
import type { Sandbox } from '../scenarios/sandbox';
import { SpPolicy } from '../sp/model';
import { encodePostMessage } from '../xml/codec';
import { signAssertion, signResponse, stripSignatures, type Signer } from './forge';

export interface IssueOptions {
  /** Whose response (UPN); the attacker's own by default. */
  user?: string;
  /** Attribute values that replace the directory's, by `user.*` name. */
  overrides?: Readonly<Record<string, readonly string[]>>;
  signing?: SigningOption;
  hash?: 'sha256' | 'sha1';
  audience?: string;
  acsUrl?: string;
  /** undefined: answer a fresh request if the SP insists on solicited responses; null: unsolicited. */
  inResponseTo?: string | null;
  now?: Date;
  /** Encrypt the assertion for the SP (as "token encryption" in Entra). */
  encrypt?: boolean;
}

/**
 * What an attacker has to work with against one SP: genuine responses Entra signs for their own account (and,
 * for the "wrong but genuinely signed" cases, for other audiences, times and requests), a key of their own,
 * and the SP's public encryption certificate. Forged responses are posted to the SP's ACS over HTTP.
 */
export class AttackKit {
  constructor(
    private readonly box: Sandbox,
    readonly attacker: string,
    readonly victim: string,
    readonly attackerKey: Signer,
    readonly spEncryptionCert: string | undefined,
  ) {}

  now(): Date {
    return this.box.clock.now();
  }

  get policy(): SpPolicy {
    return SpPolicy.parse(this.box.vendor.profile.policy);
  }

  get urls() {
    return this.box.vendor.urls;
  }

  /** The signing option that gives this SP every signature it requires, plus `also`. */
  signingFor(also?: 'response' | 'assertion'): SigningOption {
    const p = this.policy;
    const response = p.wantResponseSigned || also === 'response';
    const assertion = p.wantAssertionsSigned || also === 'assertion';
    return response && assertion ? 'response-and-assertion' : response ? 'response' : 'assertion';
  }

  /** Entra's own key for this app: what "Entra signed it" means in the wrong-but-genuine cases. */
  get idpSigner(): Signer {
    const c = signingCertificate(this.box.app, this.box.clock.now());
    if (!c.ok) throw new Error(c.error.message);
    return { privateKeyPem: c.value.privateKeyPem, certificatePem: c.value.certificatePem };
  }

  /** An AuthnRequest the SP now has outstanding, as if it had sent it. */
  solicit(): string {
    const id = newSamlId();
    this.box.vendor.site.core.requests.add(id, this.box.clock.now());
    return id;
  }

  /** A response Entra signs (XML), as it would for this app, changed only as the options say. */
  async issue(o: IssueOptions = {}): Promise<string> {
    const { tenant } = this.box;
    const now = o.now ?? this.box.clock.now();
    const upn = (o.user ?? this.attacker).toLowerCase();
    const user = tenant.users.find((u) => u.attributes.userprincipalname === upn);
    if (!user) throw new Error(`no user ${upn}`);
    const app = {
      ...this.box.app,
      signing: { ...this.box.app.signing, option: o.signing ?? this.signingFor(), algorithm: o.hash ?? 'sha256' },
      ...(o.encrypt && this.spEncryptionCert ? { encryption: { active: true, certificatePem: this.spEncryptionCert } } : {}),
    };
    const cert = signingCertificate(app, now);
    const claims = issueClaims({ tenant, app, user, ...(o.overrides ? { overrides: o.overrides } : {}) });
    if (!cert.ok || !claims.ok) throw new Error(`Entra would not issue: ${(!cert.ok ? cert.error : !claims.ok ? claims.error : undefined)?.message}`);
    const inResponseTo = o.inResponseTo === null ? undefined : (o.inResponseTo ?? (this.policy.allowIdpInitiated ? undefined : this.solicit()));
    const built = await buildLoginResponse({
      issuer: entraIssuer(tenant.id),
      app,
      certificate: cert.value,
      claims: claims.value,
      acsUrl: o.acsUrl ?? this.urls.replyUrl,
      audience: o.audience ?? this.urls.identifier,
      authnInstant: now,
      authnContextClassRef: AUTHN_CLASS.passwordProtectedTransport,
      now,
      ...(inResponseTo ? { inResponseTo } : {}),
    });
    return built.xml;
  }

  /** Signs an edited response again as the option says, with Entra's key or another. */
  resign(xml: string, signing: SigningOption, signer: Signer, hash: 'sha256' | 'sha1' = 'sha256'): string {
    let out = stripSignatures(xml);
    if (signing !== 'response') out = signAssertion(out, signer, hash);
    if (signing !== 'assertion') out = signResponse(out, signer, hash);
    return out;
  }

  /** An assertion encrypted for the SP with its public certificate, as anyone can do. */
  encryptForSp(assertionXml: string): Promise<string> {
    const pem = this.spEncryptionCert;
    if (!pem) return Promise.reject(new Error('this SP has no encryption certificate'));
    const rsaPub = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
    return new Promise((resolve, reject) =>
      xmlenc.encrypt(
        assertionXml,
        { rsa_pub: rsaPub, pem, encryptionAlgorithm: 'http://www.w3.org/2009/xmlenc11#aes256-gcm', keyEncryptionAlgorithm: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p' },
        (e: Error | null, result: string) => (e ? reject(e) : resolve(result)),
      ),
    );
  }

  /** Posts a response to the SP's ACS over HTTP, as a browser's auto-post form would, and reads the SP's record. */
  async post(xml: string): Promise<{ status: number; record?: SignInRecord }> {
    const agent = new UserAgent(this.box.harness.flowEnv.transport);
    const page = await agent.post(this.urls.replyUrl, { SAMLResponse: encodePostMessage(xml) });
    const id = peekResponseId(encodePostMessage(xml));
    const record = id ? this.box.vendor.site.recordFor(id) : undefined;
    return { status: page.status, ...(record ? { record } : {}) };
  }
}
