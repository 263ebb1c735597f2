import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VENDORS } from '../../src/core/vendors/registry';
import { GenericSpDefinition, genericProfile } from '../../src/core/vendors/generic/profile';

const testFile = (id: string) => readFileSync(new URL(`./${id}.test.ts`, import.meta.url), 'utf8');

/** A catalogue entry without a test that reaches it would be an untested promise; this keeps them paired. */
describe('every error code of every vendor catalogue has a test that reaches it', () => {
  const profiles = [...Object.values(VENDORS), genericProfile(GenericSpDefinition.parse({ id: 'generic', displayName: 'x', entityId: 'urn:x', acsUrl: 'https://x.test/acs' }))];
  it.each(profiles.map((p) => [p.id, p] as const))('%s', (id, profile) => {
    const source = testFile(id);
    const missing = Object.values(profile.errors).filter((e) => !new RegExp(`['"\`\\s(]${e.code}[\\s'"\`:,)]`).test(source));
    expect(missing.map((e) => e.code)).toEqual([]);
    for (const e of Object.values(profile.errors)) expect(e.text.length).toBeGreaterThan(5);
  });
});
