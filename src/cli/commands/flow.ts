import { parseArgs } from 'node:util';
import { SigningOption } from '../../core/idp/model';
import { handleApiCall } from '../../core/runtime/api-handlers';
import { HarnessRuntime } from '../../core/runtime/harness-runtime';
import { formatFlow } from '../format-flow';
import { withRuntime } from '../runtime';
import { saveScenarioFile } from '../../core/scenarios/scenario-files';
import { term } from '../term';
import { SHIPPED_VENDORS } from '../vendor-names';
import { UsageError } from '../usage';

export const FLOW_HELP = `Usage: saml-harness flow [--sp VENDOR] [--mode sp-initiated|idp-initiated|logout] [options]

Runs one flow headless over loopback HTTP and prints the trace (every hop, each SAML message decoded), the SP's
validation report and the outcome.

Options:
  --sp VENDOR        generic (default), ${SHIPPED_VENDORS.join(', ')}, or a generic SP of the workspace
  --mode MODE        sp-initiated (default), idp-initiated, or logout (signs in first, then out)
  --user UPN         the account to pick (default: adele.vance@contoso.com)
  --signing OPTION   set the app's signing option first: assertion, response, or response-and-assertion
  --account-picker   SP-initiated: the SP sends no login_hint, so the user picks the account on Entra's picker
  --workspace DIR    use this workspace (default: SAML_HARNESS_WORKSPACE, else yours — the one web, serve and
                     the desktop app use — made with the demo tenant the first time); --signing changes it
  --sandbox          use a fresh demo workspace instead, removed afterwards
  --xml              also print each SAML message, pretty-printed
  --json             print the flow result as JSON
  --save-scenario F  save the run as a scenario file F, expecting the outcome it had (replay with "run F")
`;

const MODES = ['sp-initiated', 'idp-initiated', 'logout'] as const;

async function applySigning(rt: HarnessRuntime, vendorId: string, option: SigningOption): Promise<void> {
  const entry = rt.entry(vendorId);
  if (!entry.appObjectId) return;
  rt.app(entry.appObjectId).signing.option = option;
  await rt.saveApp(entry.appObjectId);
  if (entry.profile === 'generic') {
    const policy = { ...entry.definition.policy, wantAssertionsSigned: option !== 'response', wantResponseSigned: option !== 'assertion' };
    const r = await handleApiCall(rt, 'vendors.saveGeneric', { definition: { ...entry.definition, policy } });
    if (!r.ok) throw new Error(r.message);
  }
}

export async function flowCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sp: { type: 'string', default: 'generic' },
      mode: { type: 'string', default: 'sp-initiated' },
      user: { type: 'string', default: 'adele.vance@contoso.com' },
      signing: { type: 'string' },
      'account-picker': { type: 'boolean', default: false },
      workspace: { type: 'string' },
      sandbox: { type: 'boolean', default: false },
      xml: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'save-scenario': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(FLOW_HELP);
    return 0;
  }
  const mode = MODES.find((m) => m === values.mode);
  if (!mode) throw new UsageError(`--mode must be one of ${MODES.join(', ')}`);
  const signing = values.signing === undefined ? undefined : SigningOption.safeParse(values.signing);
  if (signing && !signing.success) throw new UsageError(`--signing must be one of ${SigningOption.options.join(', ')}`);
  if (values.sandbox && values.workspace) throw new UsageError('--sandbox and --workspace do not go together');
  return withRuntime({ workspace: values.workspace, create: true, sandbox: values.sandbox }, async (rt) => {
    if (!rt.vendors.has(values.sp)) throw new UsageError(`unknown --sp "${values.sp}"; this workspace has ${[...rt.vendors.keys()].join(', ')}`);
    if (signing?.success) await applySigning(rt, values.sp, signing.data);
    const run = (flow: 'sp-initiated' | 'idp-initiated' | 'sp-logout', browserOf?: string) =>
      rt.runFlow({ vendorId: values.sp, flow, user: values.user, ...(browserOf ? { browserOf } : {}), ...(values['account-picker'] && flow === 'sp-initiated' ? { accountPicker: true } : {}) });
    let result = await run(mode === 'logout' ? 'sp-initiated' : mode);
    if (mode === 'logout' && result.result.outcome.status === 'signed-in') result = await run('sp-logout', result.id);
    const saveAs = values['save-scenario'];
    if (saveAs) {
      if (!result.scenario) throw new UsageError(`${values.sp} has no enterprise app, so the run cannot be saved as a scenario`);
      await saveScenarioFile(saveAs, result.scenario);
    }
    process.stdout.write(values.json ? JSON.stringify(result.result, null, 2) + '\n' : formatFlow(result.result, term(), { xml: values.xml }));
    return result.result.outcome.status === 'error' ? 1 : 0;
  });
}
