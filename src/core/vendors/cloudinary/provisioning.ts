import { diffUsers } from '../../provisioning/diff';
import { first, values } from '../attribute-rules';
import type { CloudinarySettings } from './settings';
import { cloudinaryError } from './errors';
import type { SignInContext, SignInResult } from '../profile';
import { keepSignIn, signedInUser } from '../../provisioning/sign-in';

/**
 * Cloudinary's SAML provisioning: Username is the immutable key; an existing user with the same email keeps
 * its account; changed fields are updated; groups apply to media_library_user only and are created when
 * missing; product environments default to all and are ignored for master_admin; nothing is deprovisioned.
 */
export function provisionCloudinaryUser(ctx: SignInContext<CloudinarySettings>): SignInResult {
  const { identity, settings, directory, faults } = ctx;
  const username = first(identity, 'Username')!;
  const email = first(identity, 'Email')!;
  const role = first(identity, 'CloudinaryRole') ?? 'media_library_user';
  const before = directory.byId(username) ?? directory.byEmail(email);
  const warnings: string[] = [];
  if (!before && directory.data.users.length >= settings.licenseLimit) {
    return { ok: false, error: cloudinaryError(9, `the account has ${directory.data.users.length} users of ${settings.licenseLimit} seats`) };
  }
  const requestedGroups = values(identity, 'CloudinaryUserGroups');
  let groups = requestedGroups;
  if (role !== 'media_library_user' && requestedGroups.length) {
    warnings.push(`CloudinaryUserGroups (${requestedGroups.join(', ')}) ignored: groups apply to media_library_user only, and the role is ${role}`);
    groups = before?.groups ?? [];
  }
  const toCreate = groups.filter((g) => !directory.hasGroup(g));
  if (toCreate.length && faults.has('group-creation')) return { ok: false, error: cloudinaryError(13, `creating group "${toCreate[0]}" failed in the Cloudinary back end (fault injected)`) };
  const requestedClouds = values(identity, 'CloudinarySubAccounts');
  if (role === 'master_admin' && requestedClouds.length) warnings.push('CloudinarySubAccounts ignored: master_admin has access to every product environment');
  const subAccounts = role === 'master_admin' || requestedClouds.length === 0 ? settings.cloudNames : requestedClouds;
  const now = ctx.now.toISOString();
  const after = signedInUser(before, now, {
    id: before?.id ?? username,
    email,
    fields: {
      username,
      firstName: first(identity, 'FirstName')!,
      ...(first(identity, 'LastName') ? { lastName: first(identity, 'LastName')! } : {}),
      role,
      subAccounts,
    },
    groups,
  });
  const diff = diffUsers(before, after, { groupsCreated: toCreate, warnings });
  if (diff.action === 'created' && faults.has('user-creation')) return { ok: false, error: cloudinaryError(1, 'the Cloudinary back end failed to create the user (fault injected)') };
  if (diff.action === 'updated' && faults.has('user-update')) return { ok: false, error: cloudinaryError(10, 'the Cloudinary back end failed to update the user (fault injected)') };
  toCreate.forEach((g) => directory.addGroup(g));
  keepSignIn(directory, before, after, diff);
  return { ok: true, diff, details: { role, subAccounts: subAccounts.join(', ') } };
}
