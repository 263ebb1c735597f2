import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { describeOutcome, runScenario } from '../../core/scenarios/runner';
import { loadScenarioFile } from '../../core/scenarios/scenario-files';
import { findScenarioFiles } from '../files';
import { junitReport } from '../reporters/junit';
import type { ScenarioResult } from '../reporters/results';
import { term, type Term } from '../term';
import { UsageError } from '../usage';

export const RUN_HELP = `Usage: saml-harness run <scenario files or folders…> [--reporter human|junit|json] [--out FILE]

Runs each scenario headless in a sandbox of its own (its tenant, app, vendor and clock) and compares the outcome
with the one it expects. Folders are searched for *.json files.

Options:
  --reporter NAME   human (default), junit (JUnit XML for CI), or json
  --out FILE        write the junit or json report to FILE (default: standard output)

Exit codes: 0 every scenario ended as expected, 1 one did not or could not run, 2 bad usage.
`;

const REPORTERS = ['human', 'junit', 'json'] as const;

async function runFile(file: string): Promise<ScenarioResult> {
  const t0 = performance.now();
  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) return { file, name: relative(process.cwd(), file), status: 'error', durationMs: 0, message: loaded.error.message, code: loaded.error.code };
  try {
    const run = await runScenario(loaded.value);
    return { file, name: loaded.value.name, status: run.matches ? 'passed' : 'failed', durationMs: run.durationMs, expected: run.expected, actual: run.outcome };
  } catch (e) {
    return { file, name: loaded.value.name, status: 'error', durationMs: Math.round(performance.now() - t0), message: e instanceof Error ? e.message : String(e), code: 'RUN_FAILED' };
  }
}

function humanLine(r: ScenarioResult, t: Term): string {
  const mark = r.status === 'passed' ? t.green('✓') : t.red('✗');
  const tail =
    r.status === 'passed'
      ? t.dim(`${describeOutcome(r.actual!)} · ${r.durationMs} ms`)
      : r.status === 'error'
        ? t.red(r.message ?? '')
        : t.red(`expected ${describeOutcome(r.expected!)}, got ${describeOutcome(r.actual!)}`);
  return `  ${mark} ${r.name}  ${tail}`;
}

export async function runCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { reporter: { type: 'string', default: 'human' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(RUN_HELP);
    return 0;
  }
  const reporter = REPORTERS.find((r) => r === values.reporter);
  if (!reporter) throw new UsageError(`--reporter must be one of ${REPORTERS.join(', ')}`);
  if (!positionals.length) throw new UsageError('name at least one scenario file or folder');
  const files = await findScenarioFiles(positionals);
  if (!files.ok) throw new UsageError(files.error.message);
  if (!files.value.length) throw new UsageError(`no scenario files (*.json) in ${positionals.join(', ')}`);
  const startedAt = new Date();
  const t = term(process.stderr);
  // A running counter on a terminal; with a machine-readable report on stdout, results go to stderr.
  const live = Boolean(process.stderr.isTTY);
  const results: ScenarioResult[] = [];
  for (const [i, file] of files.value.entries()) {
    if (live) process.stderr.write(t.dim(`  [${i + 1}/${files.value.length}] ${relative(process.cwd(), file)}…\r`));
    const r = await runFile(file);
    if (live) process.stderr.write('\u001b[2K');
    results.push(r);
    if (reporter === 'human') process.stdout.write(`${humanLine(r, term())}\n`);
    else process.stderr.write(`${humanLine(r, t)}\n`);
  }
  const failed = results.filter((r) => r.status !== 'passed').length;
  const summary = `${results.length - failed} passed, ${failed} failed (${results.length} scenarios)`;
  if (reporter === 'human') process.stdout.write(`\n${failed ? t.red(summary) : t.green(summary)}\n`);
  else {
    const text = reporter === 'junit' ? junitReport(results, startedAt) : `${JSON.stringify({ startedAt: startedAt.toISOString(), passed: results.length - failed, failed, results }, null, 2)}\n`;
    if (values.out) await writeFile(values.out, text);
    else process.stdout.write(text);
    process.stderr.write(`${summary}\n`);
  }
  return failed ? 1 : 0;
}
