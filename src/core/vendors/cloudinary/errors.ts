import type { VendorErrorDef } from '../profile';
import { vendorError } from '../vendor-errors';

/** The error table of Cloudinary's SAML provisioning documentation: HTTP 400, an Error Code and a Description. */
const def = (code: number, name: string): VendorErrorDef => ({ code: String(code), name, text: name, httpStatus: 400, provenance: 'published' });
export const CLOUDINARY_ERRORS = Object.fromEntries(
  (
    [
      [1, 'USER_CREATION_ERROR'],
      [2, 'MISSING_ACCOUNT_ID'],
      [3, 'INVALID_ACCOUNT_ID'],
      [4, 'MISSING_FIRST_NAME'],
      [5, 'MISSING_EMAIL'],
      [6, 'INVALID_EMAIL_ADDRESS'],
      [7, 'ROLE_LOOKUP_ERROR'],
      [8, 'INVALID_SUBACCOUNT_IDENTIFIER'],
      [9, 'LICENSE_LIMIT_EXCEEDED'],
      [10, 'USER_UPDATE_ERROR'],
      [11, 'PROVISIONING_NOT_ALLOWED'],
      [12, 'USER_ACCOUNT_MISMATCH'],
      [13, 'USER_GROUP_CREATION_ERROR'],
      [14, 'INVALID_NAME_ID'],
      [15, 'SAML_VALIDATION_FAILED'],
      [16, 'INVALID_SAML_RESPONSE'],
    ] as const
  ).map(([c, n]) => [String(c), def(c, n)]),
) as Record<string, VendorErrorDef>;

export const CLOUDINARY_FAULTS = {
  'user-creation': 'The back end fails to create users (error 1).',
  'user-update': 'The back end fails to update users (error 10).',
  'group-creation': 'The back end fails to create user groups (error 13).',
} as const;

export const cloudinaryError = (code: number, reason: string) => vendorError(CLOUDINARY_ERRORS, String(code), reason);
