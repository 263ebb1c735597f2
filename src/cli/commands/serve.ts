import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root';
import { HarnessRuntime } from '../../core/runtime/harness-runtime';
import { startWebUi } from '../../core/runtime/web-api';
import { registerSp } from '../../core/runtime/register-sp';
import { readMetadata } from './apps';
import { pinnedTenantId } from '../runtime';
import { publishedEndpoints } from '../../core/runtime/published-endpoints';
import { defaultWorkspaceDir, resolveWorkspaceDir } from '../../core/workspace/default-dir';
import { UsageError } from '../usage';

export const SERVE_HELP = `Usage: saml-harness web [--port N] [--tenant-port N] [--https] [--https-port N] [--workspace DIR]
       saml-harness serve [--port N] [--https] [--https-port N] [--endpoints loopback|real] [--workspace DIR] [--user UPN]
                          [--sp-metadata FILE|URL]... [--assign UPN]... [--tenant-id GUID]

web    serves the harness UI on 127.0.0.1 for a browser (web mode), until interrupted. The UI and its API have
       a port of their own (--port); the tenant and the vendors' sites are on another (--tenant-port), which
       no page of theirs can use to reach the UI.
serve  runs the mock Entra ID tenant and the vendor SPs of the workspace on 127.0.0.1 for your own
       application, until interrupted. It prints each app's Federation Metadata XML URL: configure your SP
       from it as from Entra's. Entra's identifiers stay (entity ID and Issuer https://sts.windows.net/{tenant}/);
       the endpoints in it are URLs this machine reaches.

Options:
  --port N           serve: the tenant's port; web: the UI's port (default: a free one)
  --tenant-port N    web: the tenant's port (default: a free one)
  --user UPN         sign this user in without the account picker
  --tenant-id GUID   pin the tenant ID: a fresh workspace is made with it; one with another tenant is refused
  --sp-metadata F    register your SP from its metadata (a file or URL) before serving, as \`apps add\` does:
                     assignment off, unless --assign UPN names the users to assign
  --https            serve HTTPS too, with a certificate from the workspace's local CA (made on first use,
                     kept in <workspace>/tls/; trust tls/ca.pem in your SP and browser)
  --https-port N     the HTTPS port (default: a free one; 443 with a hosts-file entry gives the real host names)
  --endpoints real   print the metadata whose endpoints are Entra's real URLs (https://login.microsoftonline.com/…),
                     for a machine whose hosts file maps them to 127.0.0.1; default: loopback URLs

Every request your SP or browser makes of the tenant is checked as Entra checks it and kept as a run (the hops,
Entra's reading of the AuthnRequest, the response issued): the UI's Run screen shows them.
The workspace (default: ${defaultWorkspaceDir()}) is created with the demo tenant the first time.
`;

export const UI_DIR = join(packageRoot(), 'out/renderer');

function portOption(name: string, value: string | undefined): number {
  const port = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`${name} must be a port number, not "${value}"`);
  return port;
}

/** What to give your SP: per origin (http, and https when on), the tenant's URLs and each app's metadata URL. */
function serveLines(rt: HarnessRuntime, dir: string, real: boolean): string[] {
  const view = rt.view();
  const published = publishedEndpoints(rt, real);
  return [
    `Mock Entra ID tenant at ${rt.origin}${rt.harness.httpsOrigin ? ` and ${rt.harness.httpsOrigin}` : ''}`,
    `  Workspace:                  ${dir}`,
    `  Tenant ID:                  ${view.idp.tenantId}`,
    `  Microsoft Entra Identifier: ${view.idp.issuer}`,
    ...published.flatMap((p) => [
      '',
      `  ${p.label}`,
      `    Login URL:  ${p.urls.saml2}`,
      `    Logout URL: ${p.urls.saml2}`,
      `    My Apps:    ${p.myApps}`,
      ...view.apps.map((a) => `    ${a.displayName.padEnd(24)} metadata: ${p.urls.appMetadata(a.appId)}${real ? '&endpoints=real' : ''}`),
    ]),
    ...(rt.caFile ? ['', `  HTTPS certificate authority: ${rt.caFile} (trust it in your SP and browser)`] : []),
  ];
}

export async function serveCommand(args: string[], mode: 'web' | 'serve'): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'tenant-port': { type: 'string' },
      https: { type: 'boolean', default: false },
      'https-port': { type: 'string' },
      endpoints: { type: 'string', default: 'loopback' },
      workspace: { type: 'string' },
      user: { type: 'string' },
      'sp-metadata': { type: 'string', multiple: true },
      'tenant-id': { type: 'string' },
      assign: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(SERVE_HELP);
    return 0;
  }
  const port = portOption('--port', values.port);
  const tenantPort = portOption('--tenant-port', values['tenant-port']);
  const httpsPort = portOption('--https-port', values['https-port']);
  if (values.endpoints !== 'loopback' && values.endpoints !== 'real') throw new UsageError(`--endpoints must be loopback or real, not "${values.endpoints}"`);
  const https = values.https || values['https-port'] !== undefined;
  if (mode === 'web' && !existsSync(UI_DIR)) throw new UsageError('the UI is not built; run "npm run build:ui" first (or "npm run web", which builds it and starts web mode)');
  const dir = resolveWorkspaceDir(values.workspace);
  const tenantId = values['tenant-id'] ? pinnedTenantId(values['tenant-id']) : undefined;
  const rt = await HarnessRuntime.open({ dir, port: mode === 'web' ? tenantPort : port, ...(https ? { https: { port: httpsPort } } : {}), ...(tenantId ? { tenantId } : {}) });
  const registered: string[] = [];
  try {
    for (const source of values['sp-metadata'] ?? []) {
      const r = await registerSp(rt, { metadataXml: await readMetadata(source), assign: values.assign ?? [], noAssignment: !values.assign?.length });
      registered.push(`  ${r.updated ? 'Updated' : 'Registered'} "${r.app.displayName}" from ${source}`);
    }
  } catch (e) {
    await rt.close();
    throw e;
  }
  const ui = mode === 'web' ? await startWebUi(rt, { uiDir: UI_DIR, port }) : undefined;
  if (values.user) rt.harness.idp.setAutoSignIn(values.user);
  const tenant = serveLines(rt, dir, values.endpoints === 'real');
  const lines = ui ? [`SAML Harness (web mode) at ${ui.origin}/`, '', ...tenant] : tenant;
  for (const p of rt.problems) lines.push(`  ! ${p.message}`);
  lines.push(...registered);
  process.stdout.write([...lines, 'Press Ctrl+C to stop.', ''].join('\n'));
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await ui?.stop();
  await rt.close();
  return 0;
}
