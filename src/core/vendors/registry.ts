import { cloudinary } from './cloudinary';
import { huggingface } from './huggingface';
import { imagekit } from './imagekit';
import { imagen } from './imagen';
import type { VendorProfile } from './profile';

/** The vendors the harness ships. A generic SP is built from a definition with genericProfile(). */
export const VENDORS = { imagekit, cloudinary, huggingface, imagen } as const;
export type VendorId = keyof typeof VENDORS;

export function vendorProfile(id: string): VendorProfile<unknown> | undefined {
  return (VENDORS as Record<string, VendorProfile<unknown>>)[id];
}
