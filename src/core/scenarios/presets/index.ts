import { CLOUDINARY_PRESETS } from './cloudinary';
import { ENTRA_PRESETS } from './entra';
import { GENERIC_PRESETS } from './generic';
import { HUGGINGFACE_PRESETS } from './huggingface';
import { IMAGEKIT_PRESETS } from './imagekit';
import { IMAGEN_PRESETS } from './imagen';
import type { Preset, PresetGroup } from './preset';

export type { Preset, PresetGroup };

export const PRESET_GROUPS: readonly PresetGroup[] = [ENTRA_PRESETS, IMAGEKIT_PRESETS, CLOUDINARY_PRESETS, HUGGINGFACE_PRESETS, IMAGEN_PRESETS, GENERIC_PRESETS];

/** Every preset: one per AADSTS code the tenant emulates and per code of every vendor catalogue. */
export const PRESETS: readonly Preset[] = PRESET_GROUPS.flatMap((g) => g.presets);

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
