import type { Collision } from '../sp/collision';
import type { VendorError, VendorErrorDef } from './profile';

/** The vendor's error `code`, with the harness's reason for it; `%NAME%` in the vendor's text takes `values.NAME`. */
export function vendorError(catalogue: Readonly<Record<string, VendorErrorDef>>, code: string, reason: string, values: Readonly<Record<string, string>> = {}): VendorError {
  const def = catalogue[code];
  if (!def) throw new Error(`error ${code} is not in the catalogue`);
  const message = def.text.replace(/%(\w+)%/g, (whole, name: string) => values[name] ?? whole);
  return { code: def.code, name: def.name, message, httpStatus: def.httpStatus, reason };
}

/** The error, with the value sent against the value held. */
export function withCollision(error: VendorError, collided: Collision | undefined): VendorError {
  return collided ? { ...error, collided } : error;
}

/** An error whose wording the harness models, where the vendor publishes none. */
export function modelledError(code: string, name: string, text: string, httpStatus: number): VendorErrorDef {
  return { code, name, text, httpStatus, provenance: 'modelled' };
}
