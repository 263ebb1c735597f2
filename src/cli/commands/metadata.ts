import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { appFederationMetadata } from '../../core/idp/app-metadata';
import { withRuntime } from '../runtime';
import { VENDOR_LIST } from '../vendor-names';
import { UsageError } from '../usage';

export const METADATA_HELP = `Usage: saml-harness metadata --app NAME [--workspace DIR] [--out FILE]

Prints an enterprise app's Federation Metadata XML, as "Download" in its SAML Certificates section gives it.
NAME is the app's display name, its vendor (${VENDOR_LIST}), or its application ID.
`;

export async function metadataCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { app: { type: 'string' }, workspace: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(METADATA_HELP);
    return 0;
  }
  return withRuntime({ workspace: values.workspace, useDefault: true }, async (rt) => {
    const view = rt.view();
    const names = view.apps.map((a) => `"${a.displayName}"${a.vendorId ? ` (${a.vendorId})` : ''}`).join(', ');
    if (!values.app) throw new UsageError(`--app is required; this workspace has ${names}`);
    const key = values.app.toLowerCase();
    const app = view.apps.find((a) => a.displayName.toLowerCase() === key || a.vendorId === key || a.appId === key);
    if (!app) throw new UsageError(`no app "${values.app}"; this workspace has ${names}`);
    const xml = appFederationMetadata(rt.ws.tenant, rt.app(app.objectId), rt.harness.urls, rt.clock.now());
    if (!xml.ok) throw xml.error;
    if (values.out) await writeFile(values.out, xml.value);
    else process.stdout.write(`${xml.value}\n`);
    return 0;
  });
}
