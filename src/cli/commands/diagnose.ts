import { parseArgs } from 'node:util';
import { existsSync, readFileSync } from 'node:fs';
import type { Diagnosis } from '../../core/diagnose/diagnose';
import { isCoreError } from '../../core/errors';
import { diagnoseText } from '../../core/runtime/trace-ops';
import { formatDiagnosis } from '../format-diagnosis';
import { readInput } from '../input';
import { withRuntime } from '../runtime';
import { term } from '../term';
import { UsageError } from '../usage';

export const DIAGNOSE_HELP = `Usage: saml-harness diagnose <file | - | URL | message> [options]

Reads a customer's artefact — a HAR file, a SAML-tracer export, a URL with a SAMLRequest, a SAMLResponse as
XML or base64 — and says what Entra ID and each vendor would answer, why, and what to change.

Options:
  --vendor NAME      check against this vendor only (imagekit, cloudinary, huggingface, imagen, generic, …);
                     by default, the vendors the response is addressed to
  --at WHEN          now (default), issue-instant (as of the response's IssueInstant: for old captures), or an
                     ISO 8601 time
  --cert FILE        trust this certificate (PEM or Base64) too; repeat for more
  --workspace DIR    use this workspace's vendor settings (default: yours if it exists, else the demo's)
  --json             print the diagnosis as JSON

Exit codes: 0 the sign-in would work, 1 Entra or the vendor would refuse it, 2 bad usage or unreadable input.
`;

function checkAt(value: string | undefined): string {
  if (value === undefined || value === 'now' || value === 'issue-instant') return value ?? 'now';
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw new UsageError(`--at must be now, issue-instant or an ISO 8601 time, not "${value}"`);
  return time.toISOString();
}

function readCertificates(files: readonly string[]): string[] {
  return files.map((f) => {
    if (!existsSync(f)) throw new UsageError(`--cert ${f}: no such file`);
    return readFileSync(f, 'utf8');
  });
}

export async function diagnoseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      vendor: { type: 'string' },
      at: { type: 'string' },
      cert: { type: 'string', multiple: true, default: [] },
      workspace: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(DIAGNOSE_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give one file, "-" for standard input, a URL or a message');
  const input = await readInput(positionals[0]!);
  const at = checkAt(values.at);
  const certificates = readCertificates(values.cert);
  return withRuntime({ workspace: values.workspace, useDefault: true }, async (rt) => {
    let d: Diagnosis;
    try {
      d = await diagnoseText(rt, input.text, { at, certificates, ...(values.vendor ? { vendor: values.vendor } : {}) });
    } catch (e) {
      if (isCoreError(e)) throw new UsageError(`${input.name}: ${e.message}`);
      throw e;
    }
    process.stdout.write(values.json ? `${JSON.stringify(d, null, 2)}\n` : formatDiagnosis(d, input.name, term()));
    const refused = d.entra.length > 0 || d.verdicts.some((v) => v.outcome.kind === 'refused') || (d.request !== undefined && !d.request.entra.ok);
    return refused ? 1 : 0;
  });
}
