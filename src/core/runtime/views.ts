import type { EnterpriseApp } from '../idp/model';
import type { IdpUrls } from '../idp/urls';
import type { VendorSp } from '../vendors/vendor-sp';
import type { VendorInstance } from '../workspace/schema';
import type { AppView, VendorView } from '../../shared/views';
import type { IdpConfigInput } from '../vendors/profile';

export function appView(app: EnterpriseApp, urls: IdpUrls, vendorId: string | undefined): AppView {
  return {
    ...app,
    signing: {
      option: app.signing.option,
      algorithm: app.signing.algorithm,
      // Private keys stay in the workspace.
      certificates: app.signing.certificates.map(({ privateKeyPem: _key, ...c }) => c),
    },
    metadataUrl: urls.appMetadata(app.appId),
    userAccessUrl: urls.userAccess(app.appId),
    ...(vendorId ? { vendorId } : {}),
  };
}

function summary(input: IdpConfigInput): string {
  switch (input.method) {
    case 'metadata-xml':
    case 'sent-to-support':
      return `${input.metadataXml.length} characters of metadata XML`;
    case 'metadata-url':
      return input.metadataUrl;
    case 'signon-url-and-certificate':
      return input.signOnUrl;
  }
}

export function vendorView(entry: VendorInstance, sp: VendorSp<unknown>): VendorView {
  const p = sp.profile;
  const faults = Object.entries(p.faults ?? {}).map(([name, description]) => ({ name, description, on: sp.state.faults.includes(name) }));
  return {
    id: entry.id,
    profile: entry.profile,
    displayName: p.displayName,
    brand: p.brand,
    guide: p.guide,
    ...(p.guideUrl ? { guideUrl: p.guideUrl } : {}),
    params: entry.params,
    urls: sp.urls,
    idpConfigMethods: p.idpConfigMethods,
    flows: p.flows,
    attributes: p.attributes,
    errors: Object.values(p.errors),
    faults,
    settings: (sp.state.settings ?? {}) as Record<string, unknown>,
    settingLabels: { ...(p.settingLabels ?? {}) },
    actions: Object.entries(p.actions ?? {})
      .filter(([, a]) => !a.input)
      .map(([id, a]) => ({ id, label: a.label })),
    idpConfigDeletable: Boolean(p.idpConfigDeletable),
    configured: Boolean(sp.idpTrust),
    users: sp.directory.data.users,
    groups: sp.directory.data.groups,
    ...(entry.appObjectId ? { appObjectId: entry.appObjectId } : {}),
    ...(sp.state.idpConfig ? { idpConfig: { method: sp.state.idpConfig.method, summary: summary(sp.state.idpConfig), input: sp.state.idpConfig } } : {}),
    ...(sp.state.supportApplied !== undefined ? { supportApplied: sp.state.supportApplied } : {}),
    ...(entry.profile === 'generic' ? { definition: entry.definition } : {}),
  };
}
