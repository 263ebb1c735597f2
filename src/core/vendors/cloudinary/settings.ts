import { z } from 'zod';

/** Cloudinary's account settings, as its Settings pages hold them (read by the profile and by provisioning). */
export const CloudinarySettingsSchema = z.object({
  /** The Provisioning Account ID (Settings › Account › Provisioning API Access). */
  accountId: z.string().min(1).default('7c41a2b9e8d3f065'),
  /** Cloud names of the product environments (sub-accounts). */
  cloudNames: z.array(z.string()).default(['contoso-prod', 'contoso-staging', 'contoso-dev']),
  enforceSamlLogin: z.boolean().default(false),
  /** SAML provisioning (just-in-time users); off = login only. */
  provisioning: z.boolean().default(true),
  /** Seats in the plan. */
  licenseLimit: z.int().min(1).default(25),
  /** Users that belong to other Cloudinary accounts, by email (a login with one of them is a mismatch). */
  otherAccounts: z.array(z.object({ accountId: z.string(), emails: z.array(z.string()) })).default([]),
});
export type CloudinarySettings = z.infer<typeof CloudinarySettingsSchema>;
