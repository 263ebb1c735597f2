import type { Clock } from '../base/clock';
import { SpPolicy, type IdpTrust } from '../sp/model';
import { ServiceProviderCore } from '../sp/service-provider';
import { genericBehaviour } from './generic-behaviour';
import { SpSite } from './sp-site';

export interface GenericSiteOptions {
  id: string;
  displayName?: string;
  entityId: string;
  acsUrl: string;
  signOnUrl?: string;
  sloUrl?: string;
  metadataUrl?: string;
  policy?: Partial<SpPolicy>;
  trust?: IdpTrust;
  clock: Clock;
}

/** An SP built on the SP core with no vendor rules; its URLs and policy are whatever the integrator models. */
export function createGenericSite(o: GenericSiteOptions): SpSite {
  const core = new ServiceProviderCore({
    endpoints: { entityId: o.entityId, acsUrl: o.acsUrl, ...(o.sloUrl ? { sloUrl: o.sloUrl } : {}) },
    policy: SpPolicy.parse(o.policy ?? {}),
    clock: o.clock,
    ...(o.trust ? { idp: o.trust } : {}),
  });
  return new SpSite(o.id, core, genericBehaviour(o.displayName), {
    acsUrl: o.acsUrl,
    ...(o.signOnUrl ? { signOnUrl: o.signOnUrl } : {}),
    ...(o.sloUrl ? { sloUrl: o.sloUrl } : {}),
    ...(o.metadataUrl ? { metadataUrl: o.metadataUrl } : {}),
  });
}
