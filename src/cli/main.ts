import { parseArgs } from 'node:util';
import { startHarness } from '../core/host/harness';
import { demoState } from '../core/idp/demo-state';
import { isCoreError } from '../core/errors';

const USAGE = `Usage: saml-harness <command> [options]

Commands:
  web [--port N]      Serve the harness on 127.0.0.1 for a browser (web mode) until interrupted.
  serve [--port N] [--user UPN]
                      Run the mock Entra ID tenant on 127.0.0.1 for another application, until interrupted.
                      --user signs that user in without the account picker.

Options:
  -h, --help          Show this help.
`;

async function serve(args: string[], mode: 'web' | 'serve'): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`saml-harness: --port must be a port number, not "${values.port}".\n`);
    return 2;
  }
  const state = await demoState(new Date());
  const harness = await startHarness({ state: () => state, port, ...(values.user ? { autoSignInUpn: () => values.user } : {}) });
  const app = state.apps[0]!;
  process.stdout.write(
    [
      mode === 'web' ? `SAML Harness (web mode) at ${harness.origin}/` : `Mock Entra ID tenant at ${harness.origin}`,
      `  Tenant ID:              ${state.tenant.id}`,
      `  Login URL:              ${harness.loopback(harness.urls.saml2)}`,
      `  Entra Identifier:       https://sts.windows.net/${state.tenant.id}/`,
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

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'web':
    case 'serve':
      return serve(rest, command);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`saml-harness: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if ((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`saml-harness: ${(e as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    process.stderr.write(`saml-harness: ${isCoreError(e) ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
