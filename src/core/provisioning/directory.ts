import { z } from 'zod';

/** A user as an SP keeps it: an immutable ID, an email, the profile fields SAML can change, groups. */
export const SpUser = z.object({
  /** The SP's immutable key (Cloudinary: Username; others: email or NameID). */
  id: z.string().min(1),
  email: z.string(),
  fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
  groups: z.array(z.string()).default([]),
  /** How the user came to exist: created in the SP by hand, or by SAML (just-in-time). */
  source: z.enum(['manual', 'saml']),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().optional(),
});
export type SpUser = z.infer<typeof SpUser>;

export const SpDirectoryData = z.object({
  users: z.array(SpUser).default([]),
  /** Groups that exist in the SP (Cloudinary creates missing ones on the fly). */
  groups: z.array(z.string()).default([]),
});
export type SpDirectoryData = z.infer<typeof SpDirectoryData>;

/** The SP-side user directory; it lives in the workspace with the SP's state. */
export class SpDirectory {
  constructor(readonly data: SpDirectoryData = { users: [], groups: [] }) {}

  byId(id: string): SpUser | undefined {
    return this.data.users.find((u) => u.id === id);
  }

  byEmail(email: string): SpUser | undefined {
    const e = email.toLowerCase();
    return this.data.users.find((u) => u.email.toLowerCase() === e);
  }

  put(user: SpUser): void {
    const i = this.data.users.findIndex((u) => u.id === user.id);
    if (i >= 0) this.data.users[i] = user;
    else this.data.users.push(user);
  }

  hasGroup(name: string): boolean {
    return this.data.groups.includes(name);
  }

  addGroup(name: string): void {
    if (!this.hasGroup(name)) this.data.groups.push(name);
  }
}
