import type { AppRole, EnterpriseApp, Group, GroupClaim, SourceAttribute, Tenant, User, UserAttribute } from './model';

export function findUserByUpn(tenant: Tenant, upn: string): User | undefined {
  const key = upn.trim().toLowerCase();
  return tenant.users.find((u) => u.attributes.userprincipalname.toLowerCase() === key);
}

export function findUser(tenant: Tenant, objectid: string): User | undefined {
  return tenant.users.find((u) => u.objectid === objectid);
}

/** Groups the user belongs to, directly or through nested groups (what "All groups" and "Security groups" emit). */
export function transitiveGroups(tenant: Tenant, userId: string): Group[] {
  const found = new Set<string>();
  const queue = [userId];
  while (queue.length > 0) {
    const member = queue.shift()!;
    for (const g of tenant.groups) {
      if (g.members.includes(member) && !found.has(g.objectid)) {
        found.add(g.objectid);
        queue.push(g.objectid);
      }
    }
  }
  return tenant.groups.filter((g) => found.has(g.objectid));
}

/**
 * Entra lets a user in when the app does not require assignment, when the user is assigned, or when a group
 * the user is a *direct* member of is assigned — nested group membership does not count for assignment.
 */
export function isAssigned(tenant: Tenant, app: EnterpriseApp, user: User): boolean {
  if (!app.assignmentRequired) return true;
  return app.assignments.some((a) => (a.principalType === 'user' ? a.principalId === user.objectid : tenant.groups.some((g) => g.objectid === a.principalId && g.members.includes(user.objectid))));
}

/** Groups the group claim covers, per its "which groups" choice (directory roles are not groups: see below). */
export function groupsForClaim(tenant: Tenant, app: EnterpriseApp, user: User, which: GroupClaim['which']): Group[] {
  if (which === 'directoryRoles') return [];
  if (which === 'applicationGroups') {
    const assigned = new Set(app.assignments.filter((a) => a.principalType === 'group').map((a) => a.principalId));
    return tenant.groups.filter((g) => assigned.has(g.objectid) && g.members.includes(user.objectid));
  }
  const all = transitiveGroups(tenant, user.objectid);
  return which === 'security' ? all.filter((g) => g.securityEnabled) : all;
}

/** "Filter groups": only the groups whose display name starts with, or contains, the value. */
export function filterGroups(groups: Group[], filter: GroupClaim['filter']): Group[] {
  if (!filter) return groups;
  const v = filter.value.toLowerCase();
  return groups.filter((g) => (filter.match === 'prefix' ? g.displayname.toLowerCase().startsWith(v) : g.displayname.toLowerCase().includes(v)));
}

/** Directory role template IDs the claim carries: for "Directory roles", and with "All groups" (Entra adds them there). */
export function directoryRolesForClaim(user: User, which: GroupClaim['which']): string[] {
  return which === 'directoryRoles' || which === 'all' ? (user.directoryRoles ?? []) : [];
}

/**
 * The app roles a user holds in an app: those of assignments to the user and to groups the user is a direct
 * member of (as for assignment itself). Their values are what the role claim and user.assignedroles carry.
 */
export function assignedRoles(tenant: Tenant, app: EnterpriseApp, user: User): AppRole[] {
  const roleIds = new Set(
    app.assignments
      .filter((a) => a.appRoleId && (a.principalType === 'user' ? a.principalId === user.objectid : tenant.groups.some((g) => g.objectid === a.principalId && g.members.includes(user.objectid))))
      .map((a) => a.appRoleId!),
  );
  return (app.appRoles ?? []).filter((r) => r.enabled && roleIds.has(r.id));
}

/** How a group appears in the claim; formats that need on-premises data fall back to the object ID for cloud groups. */
export function groupClaimValue(tenant: Tenant, group: Group, format: GroupClaim['sourceAttribute']): string {
  const sam = group.onpremisessamaccountname;
  switch (format) {
    case 'objectid':
      return group.objectid;
    case 'cloudDisplayName':
      return group.displayname;
    case 'samaccountname':
      return sam ?? group.objectid;
    case 'netbiosDomainQualified':
      return sam && tenant.onPremises ? `${tenant.onPremises.netbiosName}\\${sam}` : group.objectid;
    case 'dnsDomainQualified':
      return sam && tenant.onPremises ? `${tenant.onPremises.dnsDomain}\\${sam}` : group.objectid;
    case 'onPremisesSid':
      return group.onpremisessecurityidentifier ?? group.objectid;
  }
}

/** The values of `user.<attribute>` for this user, as claim rules see them. */
export function userAttributeValues(tenant: Tenant, app: EnterpriseApp, user: User, attribute: SourceAttribute): string[] {
  if (attribute === 'user.objectid') return [user.objectid];
  if (attribute === 'user.assignedroles') return assignedRoles(tenant, app, user).map((r) => r.value);
  if (attribute === 'user.groups') {
    const cfg: Pick<GroupClaim, 'which' | 'sourceAttribute' | 'filter'> = app.claims.groups ?? { which: 'all', sourceAttribute: 'objectid' };
    return filterGroups(groupsForClaim(tenant, app, user, cfg.which), cfg.filter).map((g) => groupClaimValue(tenant, g, cfg.sourceAttribute));
  }
  const name = attribute.slice('user.'.length) as UserAttribute;
  const value = (user.attributes as Partial<Record<UserAttribute, string>>)[name];
  return value === undefined || value === '' ? [] : [value];
}
