import { CLOUDINARY_PRESETS } from './cloudinary';
import { ENTRA_PRESETS } from './entra';
import { GENERIC_PRESETS } from './generic';
import { HUGGINGFACE_PRESETS } from './huggingface';
import { IMAGEKIT_PRESETS } from './imagekit';
import { IMAGEN_PRESETS } from './imagen';
import { MISTAKE_PRESETS } from './mistakes';
import type { Preset, PresetGroup } from './preset';

export type { Preset, PresetGroup };

export const PRESET_GROUPS: readonly PresetGroup[] = [ENTRA_PRESETS, IMAGEKIT_PRESETS, CLOUDINARY_PRESETS, HUGGINGFACE_PRESETS, IMAGEN_PRESETS, GENERIC_PRESETS];

/**
 * Every preset: one per AADSTS code the tenant emulates, per code of every vendor catalogue, and per classic
 * set-up mistake that diagnose names (`mistakes/…`).
 */
export const PRESETS: readonly Preset[] = [...PRESET_GROUPS.flatMap((g) => g.presets), ...MISTAKE_PRESETS];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
