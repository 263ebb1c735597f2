import type { ProvisioningDiff } from './diff';
import type { SpDirectory, SpUser } from './directory';

/** The user as a sign-in leaves it: what SAML says now, and what the SP kept of it (how it came, when it was made). */
export function signedInUser(before: SpUser | undefined, now: string, next: Pick<SpUser, 'id' | 'email' | 'fields' | 'groups'>): SpUser {
  return { ...next, source: before?.source ?? 'saml', createdAt: before?.createdAt ?? now, updatedAt: now, lastSignInAt: now };
}

/** Keeps a sign-in: the new record, or, when SAML changed nothing, the old one with only the sign-in's time. */
export function keepSignIn(directory: SpDirectory, before: SpUser | undefined, after: SpUser, diff: ProvisioningDiff): void {
  directory.put(diff.action === 'unchanged' && before ? { ...before, lastSignInAt: after.lastSignInAt } : after);
}
