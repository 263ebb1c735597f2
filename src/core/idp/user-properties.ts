/** A user's properties as Entra names them: the claim sources (user.<name>) and the user blade's labels for them. */

const EXTENSION_ATTRIBUTES = Array.from({ length: 15 }, (_, i) => `extensionattribute${i + 1}` as const);

/** The user attributes Entra exposes as claim sources (`user.<name>`), beside objectid and groups. */
export const USER_ATTRIBUTES = [
  'userprincipalname',
  'mail',
  'givenname',
  'surname',
  'displayname',
  'department',
  'jobtitle',
  'employeeid',
  'companyname',
  'country',
  'city',
  'onpremisessamaccountname',
  ...EXTENSION_ATTRIBUTES,
] as const;

/** A user's properties as Entra's user blade labels them, by the source name a claim maps from (user.<name>). */
export const USER_PROPERTY_LABELS: Readonly<Record<string, string>> = {
  userprincipalname: 'User principal name',
  displayname: 'Display name',
  givenname: 'First name',
  surname: 'Last name',
  mail: 'Email',
  department: 'Department',
  jobtitle: 'Job title',
  employeeid: 'Employee ID',
  companyname: 'Company name',
  country: 'Country or region',
  city: 'City',
  onpremisessamaccountname: 'On-premises SAM account name',
  ...Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`extensionattribute${i + 1}`, `Extension attribute ${i + 1}`])),
};

/** The blade's label for a user property, or the property itself where the blade has none. */
export const userPropertyLabel = (name: string): string => USER_PROPERTY_LABELS[name] ?? name;
