import { appFederationMetadata } from '../idp/app-metadata';
import type { EnterpriseApp, Tenant } from '../idp/model';
import { idpUrls } from '../idp/urls';
import { GENERIC_SP } from '../sites/generic-defaults';
import { GenericSpDefinition, genericProfile } from '../vendors/generic/profile';
import type { IdpConfigInput, VendorProfile } from '../vendors/profile';
import { VENDORS, type VendorId } from '../vendors/registry';
import type { HuggingFaceSettings } from '../vendors/huggingface/profile';
import { createVendorApp } from '../vendors/vendor-app';
import type { AttributeSet, VendorInstance, Workspace } from '../workspace/schema';
import { demoTenant } from './demo-tenant';

export const DEMO_GENERIC: GenericSpDefinition = GenericSpDefinition.parse({
  id: 'generic',
  displayName: GENERIC_SP.displayName,
  entityId: GENERIC_SP.entityId,
  acsUrl: GENERIC_SP.acsUrl,
  loginUrl: GENERIC_SP.signOnUrl,
  logoutUrl: GENERIC_SP.sloUrl,
  attributes: [],
});

const DEMO_ATTRIBUTE_SETS: AttributeSet[] = [
  {
    id: 'imagekit-invalid-role',
    name: 'ImageKit: role not in the list',
    description: 'department = "Designer", which ImageKit does not accept as imagekit_role',
    values: { 'user.department': ['Designer'] },
  },
  { id: 'imagekit-wrong-case', name: 'ImageKit: role in the wrong case', description: 'department = "Finance" (ImageKit expects "finance")', values: { 'user.department': ['Finance'] } },
  { id: 'cloudinary-master-admin', name: 'Cloudinary: master admin', description: 'CloudinaryRole = master_admin (extensionattribute1)', values: { 'user.extensionattribute1': ['master_admin'] } },
  {
    id: 'cloudinary-bad-role',
    name: 'Cloudinary: unknown role',
    description: 'CloudinaryRole = "superuser", a role Cloudinary does not have (error 7 ROLE_LOOKUP_ERROR)',
    values: { 'user.extensionattribute1': ['superuser'] },
  },
  {
    id: 'cloudinary-wrong-case',
    name: 'Cloudinary: role in the wrong case',
    description: 'CloudinaryRole = "Admin" (Cloudinary has "admin"; roles are case-sensitive: error 7 ROLE_LOOKUP_ERROR)',
    values: { 'user.extensionattribute1': ['Admin'] },
  },
  { id: 'no-mail', name: 'No email address', description: 'user.mail empty', values: { 'user.mail': [] } },
];

interface Seeded {
  profile: VendorProfile<unknown>;
  params: Record<string, string>;
  settings: unknown;
  idpConfig?: (app: EnterpriseApp, tenant: Tenant) => IdpConfigInput;
  supportApplied?: boolean;
  definition?: GenericSpDefinition;
  unassigned?: string[];
}

/**
 * A fresh workspace: the demo tenant, one enterprise app per vendor set up as its guide says, and each vendor
 * holding that app's configuration, so every first run signs in. The set-up mistakes (ImageKit without its
 * Metadata XML among them) are presets, where they teach, not traps on the happy path.
 */
export async function seedDemoWorkspace(now: Date, tenantId?: string): Promise<Workspace> {
  const tenant = { ...demoTenant(), ...(tenantId ? { id: tenantId } : {}) };
  const urls = idpUrls(tenant.id);
  const metadata = (app: EnterpriseApp) => {
    const xml = appFederationMetadata(tenant, app, urls, now);
    if (!xml.ok) throw xml.error;
    return xml.value;
  };
  const hf = VENDORS.huggingface.settings.defaults() as HuggingFaceSettings;
  hf.state = 'enabled';
  hf.accounts = tenant.users.filter((u) => u.attributes.userprincipalname !== 'diego.siciliani@contoso.com').map((u) => u.attributes.mail ?? u.attributes.userprincipalname);
  hf.roleMapping = {
    attribute: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
    mappings: [
      { value: 'Engineering', role: 'admin' },
      { value: 'Marketing', role: 'write' },
    ],
  };
  const seeded: Array<[string, Seeded]> = [
    [
      'imagekit',
      {
        profile: VENDORS.imagekit as VendorProfile<unknown>,
        params: {},
        settings: VENDORS.imagekit.settings.defaults(),
        idpConfig: (app) => ({ method: 'metadata-xml', metadataXml: metadata(app) }),
        unassigned: ['lynne.robbins@contoso.com'],
      },
    ],
    [
      'cloudinary',
      {
        profile: VENDORS.cloudinary as VendorProfile<unknown>,
        params: {},
        settings: VENDORS.cloudinary.settings.defaults(),
        idpConfig: (app) => ({ method: 'metadata-url', metadataUrl: urls.appMetadata(app.appId) }),
      },
    ],
    [
      'huggingface',
      {
        profile: VENDORS.huggingface as VendorProfile<unknown>,
        params: { org: 'contoso-ml' },
        settings: hf,
        idpConfig: (app) => ({ method: 'signon-url-and-certificate', signOnUrl: urls.saml2, certificate: app.signing.certificates[0]!.certificatePem }),
      },
    ],
    [
      'imagen',
      {
        profile: VENDORS.imagen as VendorProfile<unknown>,
        params: { subdomain: 'contoso' },
        settings: VENDORS.imagen.settings.defaults(),
        idpConfig: (app) => ({ method: 'sent-to-support', metadataXml: metadata(app) }),
        supportApplied: true,
      },
    ],
    [
      'generic',
      {
        profile: genericProfile(DEMO_GENERIC) as VendorProfile<unknown>,
        params: {},
        settings: {},
        definition: DEMO_GENERIC,
        idpConfig: (app) => ({ method: 'metadata-xml', metadataXml: metadata(app) }),
      },
    ],
  ];
  const apps: EnterpriseApp[] = [];
  const vendors: VendorInstance[] = [];
  for (const [id, s] of seeded) {
    const app = await createVendorApp(s.profile, s.params, s.settings, now);
    app.assignments = tenant.users.filter((u) => !s.unassigned?.includes(u.attributes.userprincipalname)).map((u) => ({ principalId: u.objectid, principalType: 'user' as const }));
    apps.push(app);
    const state = {
      settings: s.settings,
      directory: { users: [], groups: [] },
      faults: [],
      ...(s.idpConfig ? { idpConfig: s.idpConfig(app, tenant) } : {}),
      ...(s.supportApplied ? { supportApplied: true } : {}),
    };
    const common = { id, params: s.params, appObjectId: app.objectId, state };
    vendors.push(s.definition ? { ...common, profile: 'generic', definition: s.definition } : { ...common, profile: s.profile.id as VendorId });
  }
  return { tenant, apps, vendors, attributeSets: DEMO_ATTRIBUTE_SETS };
}
