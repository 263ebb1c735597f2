import type { SignatureView } from '../crypto/signature-view';
import type { Identity } from './model';
import type { Collision } from './collision';

/** 'warn': passed, with something a person should know (it does not refuse the response). */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/** The checks, in the order they run and are shown. Ids are stable: UI, CLI, scenarios and tests key on them. */
export const CHECKS = {
  'xml.wellFormed': 'Well-formed XML, no DTD or entities',
  'xml.schema': 'Valid against the SAML 2.0 schemas',
  'response.status': 'Status is Success',
  'response.destination': 'Destination is this ACS URL',
  'response.issuer': "Issuer is the IdP's entity ID",
  'assertion.decryption': 'Encrypted assertion decrypts with the SP key',
  'signature.required': 'The elements the SP requires signed are signed',
  'signature.coverage': 'The signature covers the assertion used (no wrapping)',
  'signature.valid': 'Signature value and digest verify',
  'signature.trusted': 'Signed with a certificate the SP trusts',
  'signature.algorithm': 'Signature algorithm allowed',
  'assertion.audience': 'Audience is this SP',
  'subject.bearer': 'Bearer confirmation for this ACS URL, not expired',
  'response.inResponseTo': 'Answers an outstanding request (or unsolicited is allowed)',
  'assertion.time': 'Within NotBefore / NotOnOrAfter',
  'assertion.replay': 'Assertion not seen before',
  'subject.nameId': 'NameID present',
  'assertion.attributes': "Each attribute sent once, or read by the SP's stated rule",
  'crossCheck.nodeSaml': '@node-saml/node-saml agrees',
} as const;

export type CheckId = keyof typeof CHECKS;

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** One line a person can act on. */
  reason: string;
  /** Where the failure is, as an element path (/Response/Assertion/Conditions). */
  element?: string;
  /** A second opinion shown for comparison; it does not decide the verdict. */
  informational?: boolean;
  /** For a failure: the value the message carried against the one the SP holds. */
  collided?: Collision;
}

export interface MessageSummary {
  responseId?: string;
  issueInstant?: string;
  issuer?: string;
  destination?: string;
  inResponseTo?: string;
  assertionId?: string;
  encrypted: boolean;
  status?: string;
  statusMessage?: string;
  signatures: SignatureView[];
}

export interface ValidationReport {
  ok: boolean;
  checks: CheckResult[];
  /** The first check that failed: what the SP would say went wrong. */
  failure?: CheckResult;
  message: MessageSummary;
  /** Present only when every check passed. */
  identity?: Identity;
  /** The time the checks used (the flow's clock, or "as of" a chosen time). */
  evaluatedAt: string;
}

/** Accumulates results in the fixed order of CHECKS; a check not recorded is reported as skipped with a reason. */
export class ReportBuilder {
  private readonly results = new Map<CheckId, CheckResult>();

  pass(id: CheckId, reason: string): void {
    this.set(id, 'pass', reason);
  }

  warn(id: CheckId, reason: string, element?: string): void {
    this.set(id, 'warn', reason, element);
  }

  fail(id: CheckId, reason: string, element?: string, collided?: Collision): void {
    this.set(id, 'fail', reason, element);
    if (collided) this.results.set(id, { ...this.results.get(id)!, collided });
  }

  skip(id: CheckId, reason: string): void {
    this.set(id, 'skipped', reason);
  }

  info(id: CheckId, status: CheckStatus, reason: string): void {
    this.results.set(id, { id, title: CHECKS[id], status, reason, informational: true });
  }

  has(id: CheckId): boolean {
    return this.results.has(id);
  }

  failed(id: CheckId): boolean {
    return this.results.get(id)?.status === 'fail';
  }

  private set(id: CheckId, status: CheckStatus, reason: string, element?: string): void {
    this.results.set(id, { id, title: CHECKS[id], status, reason, ...(element ? { element } : {}) });
  }

  build(message: MessageSummary, evaluatedAt: Date, identity: Identity | undefined, skippedReason: string): ValidationReport {
    const checks = (Object.keys(CHECKS) as CheckId[]).map((id) => this.results.get(id) ?? { id, title: CHECKS[id], status: 'skipped' as const, reason: skippedReason });
    const failure = checks.find((c) => c.status === 'fail' && !c.informational);
    return {
      ok: !failure,
      checks,
      message,
      evaluatedAt: evaluatedAt.toISOString(),
      ...(failure ? { failure } : {}),
      ...(!failure && identity ? { identity } : {}),
    };
  }
}
