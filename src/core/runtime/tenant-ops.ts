import { CoreError } from '../base/errors';
import { upnProblem } from '../idp/directory-rules';
import type { Group, User } from '../idp/model';
import type { HarnessRuntime } from './harness-runtime';

/** The tenant's users and groups, and the save of tenant.json: what these operations read of the runtime, and no more. */
export type TenantContext = Pick<HarnessRuntime, 'ws' | 'saveTenant'>;

/** Users and groups, as Entra's Users and Groups blades add, edit and delete them. */

export async function saveUser(rt: TenantContext, user: User): Promise<void> {
  const { users, domains } = rt.ws.tenant;
  const others = users.map((u) => ({ objectid: u.objectid, upn: u.attributes.userprincipalname }));
  const problem = upnProblem(user.attributes.userprincipalname, user.objectid, others, domains);
  if (problem) throw new CoreError('USER_UPN_INVALID', problem, { field: 'userprincipalname', value: user.attributes.userprincipalname });
  rt.ws.tenant.users = upsert(users, user, (u) => u.objectid);
  await rt.saveTenant();
}

export async function deleteUser(rt: TenantContext, objectid: string): Promise<void> {
  rt.ws.tenant.users = rt.ws.tenant.users.filter((u) => u.objectid !== objectid);
  await rt.saveTenant();
}

export async function saveGroup(rt: TenantContext, group: Group): Promise<void> {
  rt.ws.tenant.groups = upsert(rt.ws.tenant.groups, group, (g) => g.objectid);
  await rt.saveTenant();
}

export async function deleteGroup(rt: TenantContext, objectid: string): Promise<void> {
  rt.ws.tenant.groups = rt.ws.tenant.groups.filter((g) => g.objectid !== objectid);
  await rt.saveTenant();
}

function upsert<T>(list: readonly T[], item: T, key: (t: T) => string): T[] {
  return list.some((x) => key(x) === key(item)) ? list.map((x) => (key(x) === key(item) ? item : x)) : [...list, item];
}
