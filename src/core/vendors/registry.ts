import { CoreError } from '../base/errors';
import { cloudinary } from './cloudinary/profile';
import { genericProfile, type GenericSpDefinition } from './generic/profile';
import { huggingface } from './huggingface/profile';
import { imagekit } from './imagekit/profile';
import { imagen } from './imagen/profile';
import type { VendorProfile } from './profile';

/** The vendors the harness ships. A generic SP is built from a definition with genericProfile(). */
export const VENDORS = { imagekit, cloudinary, huggingface, imagen } as const;
export type VendorId = keyof typeof VENDORS;

export function vendorProfile(id: string): VendorProfile<unknown> | undefined {
  return (VENDORS as Record<string, VendorProfile<unknown>>)[id];
}

/** The profile an entry names: a shipped one, or the generic one built from its definition. Throws if neither. */
export function resolveProfile(v: { id?: string; profile: string; definition?: GenericSpDefinition | undefined }): VendorProfile<unknown> {
  const name = v.id ?? v.profile;
  if (v.profile === 'generic') {
    if (!v.definition) throw new CoreError('GENERIC_WITHOUT_DEFINITION', `Vendor ${name} is generic but has no definition.`);
    return genericProfile(v.definition) as VendorProfile<unknown>;
  }
  const p = vendorProfile(v.profile);
  if (!p) throw new CoreError('UNKNOWN_VENDOR_PROFILE', `Vendor ${name} names the profile "${v.profile}", which this build does not have (${['generic', ...Object.keys(VENDORS)].join(', ')}).`);
  return p;
}
