import { parseArgs } from 'node:util';
import { readArtefact } from '../../core/diagnose/artefact';
import { readInput } from '../input';
import { term } from '../term';
import { UsageError } from '../usage';

export const DECODE_HELP = `Usage: saml-harness decode <message | URL | file | -> [--json]

Prints every SAML message in the input, pretty-printed: a SAMLRequest or SAMLResponse (base64, deflated or
not, or XML), a URL or form body carrying one, a HAR file or a SAML-tracer export (every message, in order).
`;

export async function decodeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(DECODE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one message, URL or file ("-" for standard input)');
  const input = await readInput(positionals[0]!);
  const artefact = readArtefact(input.text);
  if (!artefact.ok) throw new UsageError(`${input.name}: ${artefact.error.message}`);
  const messages = artefact.value.messages;
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify(
        messages.map((m) => ({ ...m.view, ...(m.hop !== undefined ? { hop: m.hop + 1 } : {}), ...(m.url ? { url: m.url } : {}) })),
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  const t = term();
  const out = messages.flatMap((m) => {
    const v = m.view;
    const head = `${v.param}${v.kind ? ` · ${v.kind}` : ''}${v.id ? ` ${v.id}` : ''}${m.hop !== undefined ? ` · hop ${m.hop + 1}` : ''}${m.url ? ` · ${m.url.split('?')[0]}` : ''}`;
    const facts = [
      v.issuer && `Issuer ${v.issuer}`,
      v.destination && `Destination ${v.destination}`,
      v.inResponseTo && `InResponseTo ${v.inResponseTo}`,
      v.relayState !== undefined && `RelayState ${JSON.stringify(v.relayState)}`,
    ]
      .filter(Boolean)
      .join(' · ');
    return [t.bold(head), ...(facts ? [t.dim(facts)] : []), ...(v.error ? [t.red(v.error)] : []), v.pretty ?? '', ''];
  });
  process.stdout.write(out.join('\n'));
  return 0;
}
