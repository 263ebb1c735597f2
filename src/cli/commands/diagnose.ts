import { parseArgs } from 'node:util';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import type { Diagnosis } from '../../core/diagnose/diagnose';
import { isCoreError } from '../../core/errors';
import { diagnoseText, type DiagnoseRequest } from '../../core/runtime/trace-ops';
import { defaultJobs, diagnoseFilesBatch } from '../diagnose-batch';
import { findArtefactFiles } from '../files';
import { formatDiagnosis } from '../format-diagnosis';
import { readInput } from '../input';
import { withRuntime } from '../runtime';
import { term } from '../term';
import { UsageError } from '../usage';

export const DIAGNOSE_HELP = `Usage: saml-harness diagnose <file | - | URL | message> [options]
       saml-harness diagnose <files or folders…> [options]

Reads a customer's artefact — a HAR file, a SAML-tracer export, a URL with a SAMLRequest, a SAMLResponse as
XML or base64 — and says what Entra ID and each vendor would answer, why, and what to change. Given several
files or a folder, it diagnoses them all and prints a line for each.

Options:
  --vendor NAME      check against this vendor only (imagekit, cloudinary, huggingface, imagen, generic, …);
                     by default, the vendors the response is addressed to
  --at WHEN          now (default), issue-instant (as of the response's IssueInstant: for old captures), or an
                     ISO 8601 time
  --cert FILE        trust this certificate (PEM or Base64) too; repeat for more
  --workspace DIR    use this workspace's vendor settings (default: yours if it exists, else the demo's)
  --json             print the diagnosis (or every diagnosis) as JSON
  --cross-check      in a batch, also give node-saml's second opinion (on for a single artefact)
  --jobs N           in a batch, diagnose on N threads (default: a thread per 200 files, up to one per core)

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

function refused(d: Diagnosis): boolean {
  return d.entra.length > 0 || d.verdicts.some((v) => v.outcome.kind === 'refused') || (d.request !== undefined && !d.request.entra.ok);
}

/** Where a worker thread starts: this bundle (dist/cli.mjs); run from source (tsx), a batch stays in one thread. */
const WORKER_ENTRY = import.meta.url.endsWith('.mjs') ? new URL(import.meta.url) : undefined;

async function batch(paths: string[], req: DiagnoseRequest, values: { workspace?: string | undefined; json: boolean; jobs?: string | undefined }): Promise<number> {
  const jobs = values.jobs === undefined ? defaultJobs(paths.length) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${values.jobs}"`);
  const files = paths.map((path) => ({ path, name: relative(process.cwd(), path) }));
  return withRuntime({ workspace: values.workspace, useDefault: true }, async (rt, workspace) => {
    const t0 = performance.now();
    const results = await diagnoseFilesBatch({ rt, workspace, files, req, jobs, entry: WORKER_ENTRY });
    const ms = Math.round(performance.now() - t0);
    const bad = results.filter((r) => !r.result.ok || refused(r.result.value)).length;
    if (values.json) {
      process.stdout.write(`${JSON.stringify(results.map((r) => (r.result.ok ? { file: r.name, diagnosis: r.result.value } : { file: r.name, error: r.result.error })), null, 2)}\n`);
    } else {
      const t = term();
      for (const r of results) {
        const line = r.result.ok ? `${refused(r.result.value) ? t.red('✗') : t.green('✓')} ${r.name}  ${r.result.value.summary}` : `${t.red('!')} ${r.name}  ${r.result.error.message}`;
        process.stdout.write(`${line}\n`);
      }
      process.stdout.write(`\n${results.length} artefacts in ${ms} ms: ${results.length - bad} would sign in, ${bad} would not or could not be read\n`);
    }
    return bad ? 1 : 0;
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
      'cross-check': { type: 'boolean', default: false },
      jobs: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(DIAGNOSE_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give a file, a folder, "-" for standard input, a URL or a message');
  const req: DiagnoseRequest = { at: checkAt(values.at), certificates: readCertificates(values.cert), ...(values.vendor ? { vendor: values.vendor } : {}) };
  const many = positionals.length > 1 || (existsSync(positionals[0]!) && statSync(positionals[0]!).isDirectory());
  if (many) {
    const files = await findArtefactFiles(positionals);
    if (!files.ok) throw new UsageError(files.error.message);
    return batch(files.value, { ...req, crossCheck: values['cross-check'] }, values);
  }
  const input = await readInput(positionals[0]!);
  return withRuntime({ workspace: values.workspace, useDefault: true }, async (rt) => {
    let d: Diagnosis;
    try {
      d = await diagnoseText(rt, input.text, req);
    } catch (e) {
      if (isCoreError(e)) throw new UsageError(`${input.name}: ${e.message}`);
      throw e;
    }
    process.stdout.write(values.json ? `${JSON.stringify(d, null, 2)}\n` : formatDiagnosis(d, input.name, term()));
    return refused(d) ? 1 : 0;
  });
}
