import type { VendorError, VendorErrorDef } from './profile';

/** The vendor's error `code`, with the harness's reason for it. */
export function vendorError(catalogue: Readonly<Record<string, VendorErrorDef>>, code: string, reason: string): VendorError {
  const def = catalogue[code];
  if (!def) throw new Error(`error ${code} is not in the catalogue`);
  return { code: def.code, name: def.name, message: def.text, httpStatus: def.httpStatus, reason };
}
