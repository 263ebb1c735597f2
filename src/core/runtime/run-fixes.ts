import { suggestFixes } from '../diagnose/fixes';
import type { Fix } from '../diagnose/verdict-types';
import type { FlowResult } from '../flows/flows';
import type { VendorSp } from '../vendors/vendor-sp';

/**
 * What to change after a run the vendor refused: the same fixes Diagnose gives for a captured response, worked
 * out from the run's own report, each tied to the set-up check whose field it is made in.
 */
export function runFixes(sp: VendorSp<unknown>, result: FlowResult, at: Date): Fix[] {
  const o = result.outcome;
  if (o.status !== 'error' || o.source !== 'sp') return [];
  const def = sp.profile.errors[o.code];
  const error = { code: o.code, name: def?.name ?? o.code, message: o.message, httpStatus: o.httpStatus ?? def?.httpStatus ?? 400, reason: o.reason ?? o.message };
  return suggestFixes({
    profile: sp.profile,
    params: sp.params,
    settings: sp.state.settings,
    urls: sp.urls,
    ...(result.report ? { report: result.report } : {}),
    outcome: { kind: 'refused', error },
    at,
  });
}
