/**
 * The uniqueness rules Entra enforces when an object is saved, in Microsoft Graph's words: a user principal name
 * names one user, in one of the tenant's verified domains; an app role's value names one role of the app. The UI
 * checks them on the field as the user types, the core again on save.
 */

export interface UpnHolder {
  objectid: string;
  upn: string;
}

export function upnProblem(upn: string, objectid: string, others: readonly UpnHolder[], domains: readonly string[]): string | undefined {
  const [alias, domain, ...rest] = upn.trim().split('@');
  if (!alias || !domain || rest.length) return 'The user principal name must be alias@domain, e.g. adele.vance@contoso.com.';
  if (!domains.some((d) => d.toLowerCase() === domain.toLowerCase())) {
    return `The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization: ${domains.join(', ')}.`;
  }
  const taken = others.find((o) => o.objectid !== objectid && o.upn.toLowerCase() === upn.trim().toLowerCase());
  return taken ? 'Another object with the same value for property userPrincipalName already exists.' : undefined;
}

export interface RoleHolder {
  id: string;
  value: string;
  displayName: string;
}

export function roleValueProblem(value: string, id: string, roles: readonly RoleHolder[]): string | undefined {
  const taken = roles.find((r) => r.id !== id && r.value === value);
  return taken ? `The value "${value}" is already the value of the app role "${taken.displayName}"; each app role's value must be unique.` : undefined;
}

/** The first role whose value another role of the app already has. */
export function duplicateRoleValue(roles: readonly RoleHolder[]): { role: RoleHolder; problem: string } | undefined {
  for (const role of roles) {
    const problem = roleValueProblem(role.value, role.id, roles);
    if (problem) return { role, problem };
  }
  return undefined;
}
