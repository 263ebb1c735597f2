import { newGuid } from '../base/ids';
import type { Group, Tenant, User } from '../idp/model';

type Attrs = User['attributes'];

const person = (first: string, last: string, more: Partial<Attrs> = {}): Attrs => {
  const upn = `${first}.${last}@contoso.com`.toLowerCase();
  return {
    userprincipalname: upn,
    displayname: `${first} ${last}`,
    givenname: first,
    surname: last,
    mail: upn,
    companyname: 'Contoso',
    country: 'United States',
    city: 'Redmond',
    onpremisessamaccountname: `${first[0]}${last}`.toLowerCase(),
    ...more,
  };
};

/**
 * The demo directory a fresh workspace starts with. Each user exists to exercise something: valid vendor
 * roles in department / extension attributes, a wrong-case role, MFA, a disabled account, a Conditional
 * Access block, a guest. Object IDs are new GUIDs unless `nextId` gives stable ones.
 */
export function demoTenant(nextId: () => string = newGuid): Tenant {
  const user = (attributes: Attrs, extra: Partial<Omit<User, 'objectid' | 'attributes'>> = {}): User => ({
    objectid: nextId(),
    attributes,
    userType: 'Member',
    accountEnabled: true,
    authMethod: 'password',
    conditionalAccess: 'none',
    ...extra,
  });
  const adele = user(person('Adele', 'Vance', { department: 'developer', jobtitle: 'Developer', employeeid: '1001', extensionattribute1: 'admin' }));
  const megan = user(person('Megan', 'Bowen', { department: 'media_library_full_access', jobtitle: 'Marketing Manager', employeeid: '1002', extensionattribute1: 'media_library_user' }));
  const alex = user(person('Alex', 'Wilber', { department: 'account_administrator', jobtitle: 'IT Admin', employeeid: '1003', extensionattribute1: 'master_admin' }), { authMethod: 'mfa' });
  const diego = user(person('Diego', 'Siciliani', { department: 'Developer', jobtitle: 'Engineer', employeeid: '1004', extensionattribute1: 'technical_admin' }));
  const lynne = user(person('Lynne', 'Robbins', { department: 'finance', jobtitle: 'Accountant', employeeid: '1005', extensionattribute1: 'billing' }));
  const nestor = user(person('Nestor', 'Wilke', { department: 'operations', jobtitle: 'Director' }), { accountEnabled: false });
  const pradeep = user(person('Pradeep', 'Gupta', { department: 'developer', jobtitle: 'Contractor' }), { conditionalAccess: 'block' });
  const guest = user(
    { userprincipalname: 'sam.guest_fabrikam.com#EXT#@contoso.onmicrosoft.com', displayname: 'Sam Guest', givenname: 'Sam', surname: 'Guest', mail: 'sam.guest@fabrikam.com' },
    { userType: 'Guest' },
  );
  const group = (displayname: string, members: User[], sam?: string): Group => ({
    objectid: nextId(),
    displayname,
    securityEnabled: true,
    members: members.map((m) => m.objectid),
    ...(sam ? { onpremisessamaccountname: sam } : {}),
  });
  const designers = group('Designers', [megan, diego], 'designers');
  const marketing = group('Marketing', [megan, lynne], 'marketing');
  const engineering = group('Engineering', [adele, diego], 'engineering');
  const everyone = group('All Staff', [], 'allstaff');
  everyone.members = [designers.objectid, marketing.objectid, engineering.objectid, alex.objectid];
  return {
    id: nextId(),
    displayName: 'Contoso',
    tokenTiming: '2022',
    logoutIssuer: 'login-host',
    signingKeys: [],
    domains: ['contoso.onmicrosoft.com', 'contoso.com'],
    onPremises: { netbiosName: 'CONTOSO', dnsDomain: 'contoso.com' },
    users: [adele, megan, alex, diego, lynne, nestor, pradeep, guest],
    groups: [designers, marketing, engineering, everyone],
  };
}
