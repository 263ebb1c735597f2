import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/core/scenarios/presets';
import { lookupPreset } from '../../src/core/scenarios/presets/find';
import { listPresets } from '../../src/core/runtime/scenario-ops';
import { searchPresets } from '../../src/shared/ticket-search';

const id = (q: string) => {
  const r = lookupPreset(PRESETS, q);
  return r.kind === 'found' ? r.preset.id : r.kind;
};

describe('a preset as a ticket names it', () => {
  it.each([
    ['50011', 'entra/AADSTS50011'],
    ['AADSTS50011', 'entra/AADSTS50011'],
    ['aadsts50011', 'entra/AADSTS50011'],
    ['InvalidReplyTo', 'entra/AADSTS50011'],
    ['ROLE_LOOKUP_ERROR', 'cloudinary/7'],
    ['cloudinary 7', 'cloudinary/7'],
    ['cloudinary/7', 'cloudinary/7'],
    ['Cloudinary/ROLE_LOOKUP_ERROR', 'cloudinary/7'],
    ['mistakes/sha1', 'mistakes/sha1'],
    // A ticket's own words: Entra's sentence, its OpenID wording, the ways a vendor's number is quoted.
    ['The reply URL specified in the request does not match', 'entra/AADSTS50011'],
    ["AADSTS50011: The reply URL 'https://x.example/acs' specified in the request does not match", 'entra/AADSTS50011'],
    ['redirect URI', 'entra/AADSTS50011'],
    ['Error code 7', 'cloudinary/7'],
    ['Code: 7', 'cloudinary/7'],
  ])('%s → %s', (query, expected) => {
    expect(id(query)).toBe(expected);
  });

  it('a code several vendors use is ambiguous, and says which', () => {
    const r = lookupPreset(PRESETS, 'SSO_NOT_CONFIGURED');
    expect(r.kind).toBe('ambiguous');
    expect(r.kind === 'ambiguous' && r.presets.map((p) => p.id)).toEqual(expect.arrayContaining(['huggingface/SSO_NOT_CONFIGURED', 'generic/SSO_NOT_CONFIGURED']));
  });

  it('the Reproduce screen finds the same presets from the same words', () => {
    const views = listPresets();
    for (const [words, expected] of [
      ['The reply URL specified in the request does not match', 'entra/AADSTS50011'],
      ['redirect URI', 'entra/AADSTS50011'],
      ['Error code 7', 'cloudinary/7'],
      ['Code: 7', 'cloudinary/7'],
    ] as const) {
      expect(
        searchPresets(views, words).map((p) => p.id),
        words,
      ).toEqual([expected]);
    }
    expect(searchPresets(views, 'the request does not match the tenant of the moon').map((p) => p.id)).toEqual([]);
  });

  it('nothing matching: the nearest three', () => {
    const r = lookupPreset(PRESETS, 'ROLE_LOOKUP_EROR');
    expect(r.kind === 'none' && r.nearest[0]!.id).toBe('cloudinary/7');
  });
});
