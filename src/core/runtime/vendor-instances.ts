import type { Clock } from '../clock';
import type { AgentTransport } from '../host/transport';
import { genericProfile } from '../vendors/generic';
import type { VendorProfile } from '../vendors/profile';
import { vendorProfile } from '../vendors/registry';
import { VendorSp, type VendorSpState } from '../vendors/vendor-sp';
import { CoreError } from '../errors';
import type { VendorInstance } from '../workspace/schema';

/** The profile a workspace vendor entry names: a shipped one, or the generic one built from its definition. */
export function profileOf(v: VendorInstance): VendorProfile<unknown> {
  if (v.profile === 'generic') {
    if (!v.definition) throw new CoreError('GENERIC_WITHOUT_DEFINITION', `Vendor ${v.id} is generic but has no definition.`);
    return genericProfile(v.definition) as VendorProfile<unknown>;
  }
  const p = vendorProfile(v.profile);
  if (!p) throw new CoreError('UNKNOWN_VENDOR_PROFILE', `Vendor ${v.id} names the profile "${v.profile}", which this build does not have.`);
  return p;
}

/** A live VendorSp over a workspace entry; its state object is the entry's, so changes are the ones saved. */
export async function instantiateVendor(v: VendorInstance, deps: { clock: Clock; transport: AgentTransport }): Promise<VendorSp<unknown>> {
  const profile = profileOf(v);
  v.state.settings = profile.settings.schema.parse(v.state.settings ?? profile.settings.defaults());
  const sp = new VendorSp(profile, v.params, v.state as VendorSpState<unknown>, deps);
  await sp.restore();
  return sp;
}
