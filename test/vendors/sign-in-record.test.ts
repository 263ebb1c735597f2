import { describe, expect, it } from 'vitest';
import { SpDirectory } from '../../src/core/provisioning/directory';
import { diffUsers } from '../../src/core/provisioning/diff';
import { keepSignIn, signedInUser } from '../../src/core/provisioning/sign-in';

// What every vendor keeps of a sign-in, one rule for all: a changed user is written anew; an unchanged one keeps
// its record and only learns when it last signed in.

describe("an SP's record of a sign-in", () => {
  const next = { id: 'adele', email: 'adele@contoso.com', fields: { role: 'admin' }, groups: [] };

  it('a first sign-in creates the user, made by SAML', () => {
    const dir = new SpDirectory();
    const after = signedInUser(undefined, '2026-01-01T00:00:00.000Z', next);
    keepSignIn(dir, undefined, after, diffUsers(undefined, after));
    expect(dir.byId('adele')).toMatchObject({ source: 'saml', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('a sign-in that changes nothing keeps updatedAt and the source, and moves lastSignInAt', () => {
    const dir = new SpDirectory();
    const first = signedInUser(undefined, '2026-01-01T00:00:00.000Z', next);
    dir.put({ ...first, source: 'manual' });
    const before = dir.byId('adele');
    const again = signedInUser(before, '2026-02-01T00:00:00.000Z', next);
    keepSignIn(dir, before, again, diffUsers(before, again));
    expect(dir.byId('adele')).toMatchObject({ source: 'manual', updatedAt: '2026-01-01T00:00:00.000Z', lastSignInAt: '2026-02-01T00:00:00.000Z' });
  });

  it('a sign-in that changes a field writes the new record', () => {
    const dir = new SpDirectory();
    const first = signedInUser(undefined, '2026-01-01T00:00:00.000Z', next);
    dir.put(first);
    const changed = signedInUser(first, '2026-02-01T00:00:00.000Z', { ...next, fields: { role: 'reader' } });
    keepSignIn(dir, first, changed, diffUsers(first, changed));
    expect(dir.byId('adele')).toMatchObject({ fields: { role: 'reader' }, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
  });
});
