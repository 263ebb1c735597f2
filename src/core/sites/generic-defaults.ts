/** Where the harness's generic SP lives unless the integrator models another. */
export const GENERIC_SP = {
  displayName: 'Generic SAML SP',
  entityId: 'https://sp.example.com/saml/metadata',
  acsUrl: 'https://sp.example.com/saml/acs',
  signOnUrl: 'https://sp.example.com/login',
  sloUrl: 'https://sp.example.com/saml/logout',
  metadataUrl: 'https://sp.example.com/saml/metadata',
} as const;
