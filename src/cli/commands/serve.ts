import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../package-root';
import { HarnessRuntime } from '../../core/runtime/harness-runtime';
import { defaultWorkspaceDir } from '../../core/workspace/default-dir';
import { UsageError } from '../usage';

export const SERVE_HELP = `Usage: saml-harness web [--port N] [--workspace DIR]
       saml-harness serve [--port N] [--workspace DIR] [--user UPN]

web    serves the harness UI on 127.0.0.1 for a browser (web mode), until interrupted.
serve  runs the mock Entra ID tenant and the vendor SPs of the workspace on 127.0.0.1 for another
       application under test, until interrupted. --user signs that user in without the account picker.

The workspace (default: ${defaultWorkspaceDir()}) is created with the demo tenant the first time.
`;

export const UI_DIR = join(packageRoot(), 'out/renderer');

export async function serveCommand(args: string[], mode: 'web' | 'serve'): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, workspace: { type: 'string' }, user: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}"`);
  if (mode === 'web' && !existsSync(UI_DIR)) throw new UsageError('the UI is not built; run "npm run web", which builds it first');
  const dir = resolve(values.workspace ?? defaultWorkspaceDir());
  const rt = await HarnessRuntime.open({ dir, port, ...(mode === 'web' ? { uiDir: UI_DIR } : {}) });
  if (values.user) rt.harness.idp.setAutoSignIn(values.user);
  const view = rt.view();
  const lines =
    mode === 'web'
      ? [`SAML Harness (web mode) at ${rt.origin}/`, `  Workspace: ${dir}`]
      : [
          `Mock Entra ID tenant at ${rt.origin}`,
          `  Workspace:        ${dir}`,
          `  Tenant ID:        ${view.idp.tenantId}`,
          `  Login URL:        ${rt.harness.loopback(view.idp.loginUrl)}`,
          `  Entra Identifier: ${view.idp.issuer}`,
          ...view.apps.map((a) => `  ${a.displayName.padEnd(22)} metadata: ${rt.harness.loopback(a.metadataUrl)}`),
        ];
  for (const p of view.problems) lines.push(`  ! ${p.message}`);
  process.stdout.write([...lines, 'Press Ctrl+C to stop.', ''].join('\n'));
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await rt.close();
  return 0;
}
