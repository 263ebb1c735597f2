import { VENDORS } from '../core/vendors/registry';
import { PRESET_GROUPS } from '../core/scenarios/presets';

/** The shipped vendors' IDs, from the registry, for usage texts: "imagekit, cloudinary, huggingface, imagen". */
export const SHIPPED_VENDORS = Object.keys(VENDORS);
/** The same and the generic SP, as a list a usage line reads. */
export const VENDOR_LIST = [...SHIPPED_VENDORS, 'generic'].join(', ');
/** The presets' sources: entra, each shipped vendor, generic, as --source takes them. */
export const PRESET_SOURCES = PRESET_GROUPS.map((g) => g.source).join('|');
