import { presetsFor } from './preset';

const MEGAN = 'megan.bowen@contoso.com';
const at = new Date(0).toISOString();

export const CLOUDINARY_PRESETS = presetsFor('cloudinary', { profile: 'cloudinary', idpConfig: { method: 'metadata-url', metadataUrl: 'app' }, flow: 'idp-initiated', user: MEGAN }, [
  { code: '1', at: 'sp', title: "Cloudinary's back end fails to create the user", fault: (d) => void (d.s.vendor.faults = ['user-creation']) },
  { code: '2', at: 'sp', title: 'The CloudinaryAccountID claim is missing', fault: (d) => d.removeClaim('CloudinaryAccountID') },
  { code: '3', at: 'sp', title: 'CloudinaryAccountID is the ID of another Cloudinary account', fault: (d) => void (d.settings.accountId = 'ffffffffffffffff') },
  { code: '4', at: 'sp', title: 'The FirstName claim is missing', fault: (d) => d.removeClaim('FirstName') },
  { code: '5', at: 'sp', title: 'The Email claim is missing', fault: (d) => d.removeClaim('Email') },
  { code: '6', at: 'sp', title: 'The Email claim takes user.displayname', fault: (d) => void (d.claim('Email').source = { kind: 'attribute', attribute: 'user.displayname' }) },
  {
    code: '7',
    at: 'sp',
    title: 'CloudinaryRole is "Media_Library_User"; roles are case-sensitive',
    fault: (d) => void (d.s.flow.attributeSet = { name: 'Role in the wrong case', values: { 'user.extensionattribute1': ['Media_Library_User'] } }),
  },
  {
    code: '8',
    at: 'sp',
    title: 'CloudinarySubAccounts names a product environment that does not exist',
    fault: (d) => void d.s.app.claims.attributes.push({ id: 'subaccounts', name: 'CloudinarySubAccounts', source: { kind: 'constant', value: 'contoso-qa' } }),
  },
  {
    code: '9',
    at: 'sp',
    title: 'A new user past the seats of the plan',
    fault: (d) => {
      d.settings.licenseLimit = 1;
      d.s.vendor.directory.users = [{ id: 'adele.vance@contoso.com', email: 'adele.vance@contoso.com', fields: { role: 'admin' }, groups: [], source: 'manual', createdAt: at, updatedAt: at }];
    },
  },
  {
    code: '10',
    at: 'sp',
    title: "Cloudinary's back end fails to update a changed user",
    fault: (d) => {
      d.s.vendor.faults = ['user-update'];
      d.s.vendor.directory.users = [{ id: MEGAN, email: MEGAN, fields: { firstName: 'Meg', role: 'media_library_user' }, groups: [], source: 'saml', createdAt: at, updatedAt: at }];
    },
  },
  { code: '11', at: 'sp', title: 'SAML provisioning is off and the user does not exist in Cloudinary', fault: (d) => void (d.settings.provisioning = false) },
  { code: '12', at: 'sp', title: 'The email belongs to a user of another Cloudinary account', fault: (d) => void (d.settings.otherAccounts = [{ accountId: '0aa0aa0aa0aa0aa0', emails: [MEGAN] }]) },
  { code: '13', at: 'sp', title: "Cloudinary's back end fails to create a missing user group", fault: (d) => void (d.s.vendor.faults = ['group-creation']) },
  {
    code: '14',
    at: 'sp',
    title: 'The NameID is the object ID, not an email address',
    fault: (d) => void (d.s.app.claims.nameId = { source: { kind: 'attribute', attribute: 'user.objectid' }, format: 'persistent' }),
  },
  { code: '15', at: 'sp', title: 'Signing option "Sign SAML response" leaves the assertion unsigned', fault: (d) => void (d.s.app.signing.option = 'response') },
  { code: '16', at: 'sp', title: 'The mandatory Username claim is missing', fault: (d) => d.removeClaim('Username') },
]);
