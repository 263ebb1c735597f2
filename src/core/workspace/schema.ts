import { z } from 'zod';
import { EnterpriseApp, Tenant } from '../idp/model';
import { SpDirectoryData } from '../provisioning/directory';
import { GenericSpDefinition } from '../vendors/generic/profile';
import { VENDORS, type VendorId } from '../vendors/registry';

/** The version of the workspace file format this build writes. */
export const FORMAT_VERSION = 1;

export const IdpConfigInput = z.discriminatedUnion('method', [
  z.object({ method: z.literal('metadata-xml'), metadataXml: z.string() }),
  z.object({ method: z.literal('metadata-url'), metadataUrl: z.string() }),
  z.object({ method: z.literal('signon-url-and-certificate'), signOnUrl: z.string(), certificate: z.string() }),
  z.object({ method: z.literal('sent-to-support'), metadataXml: z.string() }),
]);

const VendorState = z.object({
  settings: z.unknown(),
  idpConfig: IdpConfigInput.optional(),
  supportApplied: z.boolean().optional(),
  directory: SpDirectoryData,
  faults: z.array(z.string()).default([]),
});

const instance = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  params: z.record(z.string(), z.string()).default({}),
  /** objectId of the enterprise app set up for this vendor. */
  appObjectId: z.string().optional(),
  state: VendorState,
};

/**
 * One vendor SP of the workspace: a shipped vendor's profile, or a generic SP with the integrator's definition;
 * its placeholder values, the Entra app it pairs with, its state. "A generic SP has a definition" is the type's.
 */
export const VendorInstance = z.discriminatedUnion('profile', [
  z.object({ ...instance, profile: z.literal('generic'), definition: GenericSpDefinition }),
  z.object({ ...instance, profile: z.enum(Object.keys(VENDORS) as [VendorId, ...VendorId[]]) }),
]);
export type VendorInstance = z.infer<typeof VendorInstance>;

/** A generic SP's definition; a shipped vendor has none. */
export const definitionOf = (v: VendorInstance): GenericSpDefinition | undefined => (v.profile === 'generic' ? v.definition : undefined);

/** Attribute values applied to a user for one flow, without changing the directory. */
export const AttributeSet = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().default(''),
  /** `user.<attribute>` → values; an empty list makes the attribute empty for the flow. */
  values: z.record(z.string().regex(/^user\.[a-z0-9]+$/), z.array(z.string())),
  /**
   * Claim name, as sent (imagekit_role, http://schemas…/claims/x) → values, set on the issued claims after
   * Entra's rules: the claim is added or its values replaced; an empty list leaves the claim out.
   */
  claims: z.record(z.string().min(1).max(512), z.array(z.string())).optional(),
});
export type AttributeSet = z.infer<typeof AttributeSet>;

export interface Workspace {
  tenant: Tenant;
  apps: EnterpriseApp[];
  vendors: VendorInstance[];
  attributeSets: AttributeSet[];
}

/** Each file is an envelope — `{ format: "saml-harness/<kind>", version, data }` — so a file says what it is. */
export const FILES = {
  tenant: { kind: 'tenant', data: Tenant },
  app: { kind: 'enterprise-app', data: EnterpriseApp },
  vendor: { kind: 'vendor-sp', data: VendorInstance },
  attributeSets: { kind: 'attribute-sets', data: z.array(AttributeSet) },
} as const;

export interface FileKind<T> {
  kind: string;
  data: z.ZodType<T>;
}
