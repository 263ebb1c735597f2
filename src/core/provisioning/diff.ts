import type { SpUser } from './directory';

export type FieldValue = string | string[] | undefined;

export interface FieldChange {
  field: string;
  before: FieldValue;
  after: FieldValue;
}

/** What a sign-in did to the SP's user: created / updated / unchanged, field by field, groups ±, warnings. */
export interface ProvisioningDiff {
  action: 'created' | 'updated' | 'unchanged';
  userId: string;
  /** The user's email at the SP, to name the user (the ID may be a GUID or a username). */
  email?: string;
  changes: FieldChange[];
  groupsAdded: string[];
  groupsRemoved: string[];
  /** Groups that did not exist and were created in the SP. */
  groupsCreated: string[];
  /** Values the SP received but ignores, and why. */
  warnings: string[];
}

const same = (a: FieldValue, b: FieldValue): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function flatten(u: SpUser | undefined): Record<string, FieldValue> {
  return u ? { email: u.email, ...u.fields } : {};
}

export function diffUsers(before: SpUser | undefined, after: SpUser, extra: { groupsCreated?: string[]; warnings?: string[] } = {}): ProvisioningDiff {
  const b = flatten(before);
  const a = flatten(after);
  const changes = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !same(b[k], a[k])).map((field) => ({ field, before: b[field], after: a[field] }));
  const groupsAdded = after.groups.filter((g) => !(before?.groups ?? []).includes(g));
  const groupsRemoved = (before?.groups ?? []).filter((g) => !after.groups.includes(g));
  const changed = changes.length > 0 || groupsAdded.length > 0 || groupsRemoved.length > 0;
  return {
    action: !before ? 'created' : changed ? 'updated' : 'unchanged',
    userId: after.id,
    email: after.email,
    changes,
    groupsAdded,
    groupsRemoved,
    groupsCreated: extra.groupsCreated ?? [],
    warnings: extra.warnings ?? [],
  };
}
