import type { Identity } from '../sp/model';
import type { ProvisioningDiff } from '../provisioning/diff';
import type { VendorError } from '../vendors/profile';

/**
 * The words a vendor's verdict is made of, shared by the verdict, its fixes and the mistakes it names: kept apart
 * so those three import them, and not each other.
 */

/** One change that would make the sign-in work, where to make it, and why. */
export interface Fix {
  /** Entra's portal, the vendor's settings page, or the capture itself. */
  where: 'entra' | 'vendor' | 'capture';
  /** The blade and field, as the portal names them. */
  setting: string;
  change: string;
  because: string;
  /** The set-up check whose field this change is made in (reply-url, claim:<name>, idp-config…), for a "Fix it" link. */
  check?: string;
}

export type VendorOutcome =
  | { kind: 'signed-in'; identity: Identity; diff?: ProvisioningDiff; details?: Readonly<Record<string, unknown>> }
  | { kind: 'refused'; error: VendorError }
  /**
   * The diagnosis cannot decide: nothing is known of the IdP (so the signer was assumed), or the assertion is
   * encrypted and no key was given. Every other check passed.
   */
  | { kind: 'undetermined'; reason: 'signer-unknown' | 'assertion-encrypted'; message: string; identity?: Identity };
