import type { Clock } from '../base/clock';
import type { AgentTransport } from '../http/transport';
import { resolveProfile } from '../vendors/registry';
import { VendorSp, type VendorSpState } from '../vendors/vendor-sp';
import type { VendorInstance } from '../workspace/schema';

/** A live VendorSp over a workspace entry; its state object is the entry's, so changes are the ones saved. */
export async function instantiateVendor(v: VendorInstance, deps: { clock: Clock; transport: AgentTransport }): Promise<VendorSp<unknown>> {
  const profile = resolveProfile(v);
  v.state.settings = profile.settings.schema.parse(v.state.settings ?? profile.settings.defaults());
  const sp = new VendorSp(profile, v.params, v.state as VendorSpState<unknown>, deps);
  await sp.restore();
  return sp;
}
