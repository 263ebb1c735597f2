import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isCoreError } from '../../core/base/errors';
import { toLoopback } from '../../core/http/loopback-urls';
import type { HarnessRuntime } from '../../core/runtime/harness-runtime';
import { registerSp, type RegisteredSp } from '../../core/runtime/register-sp';
import { withRuntime } from '../runtime';
import { InputError, UsageError } from '../usage';

export const APPS_HELP = `Usage: saml-harness apps add --metadata FILE|URL [--name NAME] [--assign UPN]... [--no-assignment]
                           [--sign-on-url] [--relay-state URL] [--signing-cert FILE --signing-key FILE] [--tenant-id GUID]
                           [--port N] [--workspace DIR] [--json]
       saml-harness apps list [--workspace DIR] [--json]

add    registers your SP as an enterprise app, as "New application › Upload metadata file" does: Identifier,
       Reply URLs, Logout Url and verification certificates from its metadata (a file, or a URL to fetch). An app
       with the same Identifier is updated instead. Prints what came from where and the app's metadata URL.
list   the workspace's enterprise apps, with their Identifiers and metadata URLs.

Options:
  --assign UPN       assign this user (repeat for more); "Assignment required?" stays on
  --no-assignment    turn "Assignment required?" off: every user of the tenant may sign in
                     (neither: nobody is assigned yet, and a sign-in gets AADSTS50105, as in Entra)
  --sign-on-url      take the metadata's RequestInitiator as the Sign on URL. Off by default: with a Sign on URL,
                     the My Apps tile starts an SP-initiated sign-in, so IdP-initiated is not tested
  --relay-state URL  where the app goes after an IdP-initiated sign-in (My Apps): SPs such as mellon and
                     SimpleSAMLphp otherwise land on their home page
  --port N           print the metadata URL as \`saml-harness serve --port N\` serves it, too
  --signing-cert F   pin the app's SAML signing certificate (PEM) and --signing-key its RSA key (PEM), in place of
  --signing-key F    the one Entra makes: an SP configured once keeps trusting fresh workspaces
  --tenant-id GUID   pin the tenant ID: a fresh workspace is made with it; one with another tenant is refused

The workspace must not be open in another process (serve, web, the app): stop it first, register, start it again.
`;

const get = async (url: string): Promise<string> => {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch((e: Error) => {
    throw new InputError(`${url}: ${e.message}`);
  });
  if (!res.ok) throw new InputError(`${url} answered HTTP ${res.status}`);
  return res.text();
};

export async function readMetadata(arg: string): Promise<string> {
  if (/^https?:\/\//i.test(arg)) return get(arg);
  if (!existsSync(arg)) throw new InputError(`${arg}: no such file (give the SP's metadata file, or its http(s) URL)`);
  return readFile(arg, 'utf8');
}

function metadataUrls(rt: HarnessRuntime, appId: string, port: string | undefined): { real: string; served?: string } {
  const real = rt.harness.urls.appMetadata(appId);
  return { real, ...(port ? { served: toLoopback(real, `http://127.0.0.1:${port}`) } : {}) };
}

function addLines(r: RegisteredSp, urls: { real: string; served?: string }): string[] {
  const a = r.app;
  const users = a.assignmentRequired
    ? a.assignments.length
      ? `${a.assignments.length} assigned`
      : 'none assigned yet: a sign-in gets AADSTS50105 (--assign UPN, or --no-assignment)'
    : 'assignment off: every user of the tenant';
  return [
    `${r.updated ? 'Updated' : 'Added'} enterprise app "${a.displayName}" (application ID ${a.appId})`,
    ...r.fields.map((f) => `  ${f.field}: ${f.value}  ← ${f.from}`),
    ...(r.skippedSignOnUrl ? [`  Sign on URL: not set; the metadata's RequestInitiator ${r.skippedSignOnUrl} was left out, so the My Apps tile signs in IdP-initiated (--sign-on-url takes it)`] : []),
    `  Users: ${users}`,
    `App Federation Metadata Url: ${urls.real}`,
    urls.served
      ? `  as served by saml-harness serve --port ${new URL(urls.served).port}: ${urls.served}`
      : '  (saml-harness serve prints it in the form this machine reaches; --port N prints it here)',
  ];
}

export async function appsCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      metadata: { type: 'string' },
      name: { type: 'string' },
      assign: { type: 'string', multiple: true },
      'no-assignment': { type: 'boolean', default: false },
      'sign-on-url': { type: 'boolean', default: false },
      'relay-state': { type: 'string' },
      port: { type: 'string' },
      'signing-cert': { type: 'string' },
      'signing-key': { type: 'string' },
      'tenant-id': { type: 'string' },
      workspace: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(APPS_HELP);
    return 0;
  }
  const [verb] = positionals;
  if (verb !== 'add' && verb !== 'list') throw new UsageError(verb ? `unknown "apps ${verb}"; use add or list` : 'say add or list');
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) throw new UsageError(`--port must be a port number, not "${values.port}"`);
  if (Boolean(values['signing-cert']) !== Boolean(values['signing-key'])) throw new UsageError('--signing-cert and --signing-key go together');
  const signingCertificate =
    values['signing-cert'] && values['signing-key'] ? { certificatePem: await readFile(values['signing-cert'], 'utf8'), privateKeyPem: await readFile(values['signing-key'], 'utf8') } : undefined;
  return withRuntime({ workspace: values.workspace, create: true, tenantId: values['tenant-id'] }, async (rt) => {
    if (verb === 'list') {
      const apps = rt.ws.apps.map((a) => ({ name: a.displayName, appId: a.appId, identifiers: a.saml.identifiers.map((i) => i.value), metadataUrl: metadataUrls(rt, a.appId, values.port) }));
      process.stdout.write(
        values.json
          ? `${JSON.stringify(apps, null, 2)}\n`
          : apps.map((a) => `${a.name.padEnd(28)} ${a.appId}  ${a.identifiers.join(', ')}\n  ${a.metadataUrl.served ?? a.metadataUrl.real}`).join('\n') + '\n',
      );
      return 0;
    }
    if (!values.metadata) throw new UsageError('--metadata FILE|URL is required');
    const xml = await readMetadata(values.metadata);
    let r: RegisteredSp;
    try {
      r = await registerSp(rt, {
        metadataXml: xml,
        ...(values.name ? { name: values.name } : {}),
        assign: values.assign ?? [],
        noAssignment: values['no-assignment'],
        signOnUrl: values['sign-on-url'],
        ...(values['relay-state'] ? { relayState: values['relay-state'] } : {}),
        ...(signingCertificate ? { signingCertificate } : {}),
      });
    } catch (e) {
      if (isCoreError(e) && e.code.startsWith('PINNED_')) throw new InputError(e.message);
      if (isCoreError(e) && (e.code.startsWith('SP_METADATA') || e.code === 'USER_NOT_FOUND'))
        throw new InputError(`${values.metadata}: ${e.message}${e.detail.element ? ` (at ${String(e.detail.element)})` : ''}`);
      throw e;
    }
    const urls = metadataUrls(rt, r.app.appId, values.port);
    process.stdout.write(
      values.json
        ? `${JSON.stringify({ name: r.app.displayName, appId: r.app.appId, objectId: r.app.objectId, updated: r.updated, fields: r.fields, metadataUrl: urls }, null, 2)}\n`
        : `${addLines(r, urls).join('\n')}\n`,
    );
    return 0;
  });
}
