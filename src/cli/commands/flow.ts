import { parseArgs } from 'node:util';
import { systemClock } from '../../core/clock';
import { demoState } from '../../core/demo/demo-state';
import { runIdpInitiated, runSpInitiated, runSpLogout, type FlowResult } from '../../core/flows/flows';
import { UserAgent } from '../../core/flows/user-agent';
import { startHarness } from '../../core/host/harness';
import { SigningOption } from '../../core/idp/model';
import { loadMetadataFromUrl } from '../../core/sp/metadata-source';
import { GENERIC_SP } from '../../core/sp/site/generic-defaults';
import { createGenericSite } from '../../core/sp/site/generic-site';
import { formatFlow } from '../format-flow';
import { term } from '../term';
import { UsageError } from '../usage';

export const FLOW_HELP = `Usage: saml-harness flow [--sp generic] [--mode sp-initiated|idp-initiated|logout] [options]

Runs one flow headless against the demo tenant over loopback HTTP and prints the trace (every hop, each SAML
message decoded), the SP's validation report and the outcome.

Options:
  --sp NAME          the service provider (default: generic)
  --mode MODE        sp-initiated (default), idp-initiated, or logout (signs in first, then out)
  --user UPN         the account to pick (default: adele.vance@contoso.com)
  --signing OPTION   assertion (default), response, or response-and-assertion
  --xml              also print each SAML message, pretty-printed
  --json             print the flow result as JSON
`;

const MODES = ['sp-initiated', 'idp-initiated', 'logout'] as const;

export async function flowCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      sp: { type: 'string', default: 'generic' },
      mode: { type: 'string', default: 'sp-initiated' },
      user: { type: 'string', default: 'adele.vance@contoso.com' },
      signing: { type: 'string', default: 'assertion' },
      xml: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(FLOW_HELP);
    return 0;
  }
  if (values.sp !== 'generic') throw new UsageError(`unknown --sp "${values.sp}"; known: generic`);
  const mode = MODES.find((m) => m === values.mode);
  if (!mode) throw new UsageError(`--mode must be one of ${MODES.join(', ')}`);
  const signing = SigningOption.safeParse(values.signing);
  if (!signing.success) throw new UsageError(`--signing must be one of ${SigningOption.options.join(', ')}`);

  const state = await demoState(systemClock.now());
  const app = state.apps[0]!;
  app.signing.option = signing.data;
  const harness = await startHarness({ state: () => state });
  try {
    const metadata = await loadMetadataFromUrl(harness.urls.appMetadata(app.appId), harness.flowEnv.transport);
    if (!metadata.ok) throw metadata.error;
    const site = createGenericSite({
      id: 'generic',
      ...GENERIC_SP,
      clock: systemClock,
      trust: metadata.value.trust,
      policy: { wantAssertionsSigned: signing.data !== 'response', wantResponseSigned: signing.data !== 'assertion' },
    });
    harness.sites.add(site);
    const env = harness.flowEnv;
    let result: FlowResult;
    if (mode === 'idp-initiated') result = await runIdpInitiated(env, app.appId, { user: values.user });
    else if (mode === 'sp-initiated') result = await runSpInitiated(env, site, { user: values.user });
    else {
      const agent = new UserAgent(env.transport);
      const signIn = await runSpInitiated(env, site, { user: values.user, agent });
      result = signIn.outcome.status === 'signed-in' ? await runSpLogout(env, site, agent) : signIn;
    }
    process.stdout.write(values.json ? JSON.stringify(result, null, 2) + '\n' : formatFlow(result, term(), { xml: values.xml }));
    return result.outcome.status === 'error' ? 1 : 0;
  } finally {
    await harness.stop();
  }
}
