import { parseArgs } from 'node:util';
import { demoState } from '../../core/demo/demo-state';
import { startHarness } from '../../core/host/harness';
import { UsageError } from '../usage';

export const SERVE_HELP = `Usage: saml-harness serve [--port N] [--user UPN]
       saml-harness web [--port N]

serve  runs the mock Entra ID tenant on 127.0.0.1 for another application under test, until interrupted.
       --user signs that user in without the account picker.
web    serves the harness on 127.0.0.1 for a browser (web mode), until interrupted.
`;

export async function serveCommand(args: string[], mode: 'web' | 'serve'): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}"`);
  const state = await demoState(new Date());
  const harness = await startHarness({ state: () => state, port, ...(values.user ? { autoSignInUpn: () => values.user } : {}) });
  const app = state.apps[0]!;
  process.stdout.write(
    [
      mode === 'web' ? `SAML Harness (web mode) at ${harness.origin}/` : `Mock Entra ID tenant at ${harness.origin}`,
      `  Tenant ID:               ${state.tenant.id}`,
      `  Login URL:               ${harness.loopback(harness.urls.saml2)}`,
      `  Entra Identifier:        https://sts.windows.net/${state.tenant.id}/`,
      `  App Federation Metadata: ${harness.loopback(harness.urls.appMetadata(app.appId))}`,
      `  IdP-initiated (My Apps): ${harness.loopback(harness.urls.userAccess(app.appId))}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await harness.stop();
  return 0;
}
