// `npm run bench`: the engine's speed beside its peers and the physical floor, in one run. Prints a table and
// writes bench/results.json. `--only signing,validation` runs some sections; `--quick` runs fewer iterations;
// `--report` (`npm run bench:report`) prints the table of the last run from bench/results.json, measuring nothing.
import { writeFile, readFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { signingBench, type SigningResult } from './sections/signing';
import { validationBench, type ValidationResult } from './sections/validation';
import { roundTripBench, type RoundTripResult } from './sections/roundtrip';
import { diagnosisBench, type DiagnosisResult } from './sections/diagnosis';
import { uiBench, type UiResult } from './sections/ui';
import { nodeApiBench, type NodeApiResult } from './sections/node-api';
import { runLogBench, type RunLogResult } from './sections/run-log';

const args = process.argv.slice(2);
const only =
  args
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',') ?? (args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : undefined);
const quick = args.includes('--quick');
const want = (s: string) => !only || only.includes(s);
const RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

interface Results {
  date: string;
  machine: { cpus: number; cpu: string; memoryGb: number; node: string; platform: string };
  signing?: SigningResult;
  validation?: ValidationResult;
  roundTrip?: RoundTripResult;
  diagnosis?: DiagnosisResult;
  ui?: UiResult;
  nodeApi?: NodeApiResult;
  runLog?: RunLogResult;
  goals?: Array<{ goal: string; target: string; measured: string; met: boolean }>;
}

const log = (s: string) => process.stderr.write(`${s}\n`);
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

async function main(): Promise<void> {
  const previous =
    (await readFile(RESULTS, 'utf8')
      .then((t) => JSON.parse(t) as Results)
      .catch(() => undefined)) ?? undefined;
  if (args.includes('--report')) {
    if (!previous) throw new Error('no bench/results.json yet: run npm run bench first');
    process.stdout.write(table(previous));
    return;
  }
  const r: Results = {
    ...(only && previous ? previous : {}),
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
  };
  const save = () => writeFile(RESULTS, `${JSON.stringify({ ...r, goals: goals(r) }, null, 2)}\n`);
  if (want('signing')) {
    log('signing…');
    r.signing = await signingBench(quick ? 60 : 300);
    await save();
  }
  if (want('validation')) {
    log('validation…');
    r.validation = await validationBench(quick ? 60 : 300);
    await save();
  }
  if (want('roundtrip')) {
    log('round trip…');
    const f = r.signing?.floor;
    r.roundTrip = await roundTripBench(quick ? 100 : 500, { rsaSign: f?.rsaSha256Sign.p50 ?? 1, c14nAssertion: f?.c14nAssertion.p50 ?? 0.2, c14nSignedInfo: f?.c14nSignedInfo.p50 ?? 0.05 });
    await save();
  }
  if (want('nodeapi')) {
    log('Node API and an outside SP over HTTPS…');
    r.nodeApi = await nodeApiBench(quick ? 5 : 20, quick ? 50 : 300);
    await save();
  }
  if (want('runlog')) {
    log('sign-in logs: round trip with the log on and off, a 10,000-run log opened in Chromium…');
    r.runLog = await runLogBench(quick ? 60 : 300, quick ? 3 : 7, 10_000);
    await save();
  }
  if (want('diagnosis')) {
    log('batch diagnosis…');
    r.diagnosis = await diagnosisBench(quick ? 1000 : 10_000, quick ? 100 : 500);
    await save();
  }
  if (want('ui')) {
    log('UI in Chromium…');
    r.ui = await uiBench(quick ? 3 : 7, quick ? 3 : 7);
    await save();
  }
  r.goals = goals(r);
  await save();
  process.stdout.write(table(r));
}

function goals(r: Results): NonNullable<Results['goals']> {
  const out: NonNullable<Results['goals']> = [];
  if (r.validation)
    out.push({
      goal: 'Validation at least as fast as node-saml (same response, p50)',
      target: '≤ 1.00×',
      measured: `${r.validation.ratioOursToNodeSaml.toFixed(2)}× (${ms(r.validation.ours.p50)} vs ${ms(r.validation.nodeSaml.p50)})`,
      met: r.validation.ratioOursToNodeSaml <= 1,
    });
  if (r.roundTrip)
    out.push({
      goal: 'Round trip within 3× the floor of its signatures and canonicalisations (p50)',
      target: '≤ 3×',
      measured: `${r.roundTrip.ratioToFloor}× (${ms(r.roundTrip.sequential.p50)} vs ${ms(r.roundTrip.floorMs)})`,
      met: r.roundTrip.ratioToFloor <= 3,
    });
  if (r.runLog) {
    const l = r.runLog;
    out.push({ goal: 'Round trip with the sign-in log on, beside it off (p50)', target: '≤ 1.10×', measured: `${l.ratio}× (${ms(l.withLog.p50)} vs ${ms(l.withoutLog.p50)})`, met: l.ratio <= 1.1 });
    out.push({ goal: `Sign-in logs screen opened over ${l.loggedRuns.toLocaleString('en')} logged runs (p50)`, target: '< 300 ms', measured: ms(l.openScreen.p50), met: l.openScreen.p50 < 300 });
  }
  if (r.diagnosis)
    out.push({
      goal: `${r.diagnosis.files.toLocaleString('en')} diagnoses`,
      target: r.diagnosis.files === 10_000 ? '< 10 s' : `< ${r.diagnosis.files / 1000} s`,
      measured: `${(r.diagnosis.totalMs / 1000).toFixed(1)} s`,
      met: r.diagnosis.totalMs < r.diagnosis.files,
    });
  if (r.ui) {
    out.push({ goal: '1 MB response rendered in the code view (p50)', target: '< 200 ms', measured: ms(r.ui.render1Mb.p50), met: r.ui.render1Mb.p50 < 200 });
    out.push({ goal: 'Web mode from launch to interactive (p50)', target: '< 1.5 s', measured: ms(r.ui.launchToInteractive.p50), met: r.ui.launchToInteractive.p50 < 1500 });
  }
  return out;
}

function table(r: Results): string {
  const rows: string[][] = [['Measure', 'p50', 'p95', 'note']];
  const t = (name: string, x: { p50: number; p95: number } | undefined, note = '') => x && rows.push([name, ms(x.p50), ms(x.p95), note]);
  if (r.signing) {
    for (const [o, x] of Object.entries(r.signing.build)) t(`IdP builds + signs a response (${o})`, x, `floor ${ms(r.signing.floorPerOption[o as keyof SigningResult['floorPerOption']])}`);
    t('  floor: RSA-2048 SHA-256 signature (Node crypto)', r.signing.floor.rsaSha256Sign);
    t('  floor: exclusive C14N of the assertion (xml-crypto)', r.signing.floor.c14nAssertion);
    t('  floor: exclusive C14N of the response (xml-crypto)', r.signing.floor.c14nResponse);
  }
  if (r.validation) {
    const v = r.validation;
    t('SP core report, own checks incl. XSD (ours)', v.ours, `${v.ratioOursToNodeSaml}× node-saml, ${v.ratioOursToSamlify}× samlify`);
    t('  ours, without the XSD check', v.oursWithoutSchema);
    t('  ours + node-saml second opinion (as the app shows it)', v.oursWithSecondOpinion);
    t('  the XSD check alone (libxml2-wasm)', v.schemaOnly);
    t('@node-saml/node-saml validatePostResponse', v.nodeSaml, 'no XSD check');
    t('samlify parseLoginResponse (with the same XSD check)', v.samlify);
  }
  if (r.roundTrip) {
    const x = r.roundTrip;
    t(`SP-initiated round trip over loopback (${x.sequential.n} flows)`, x.sequential, `floor ${ms(x.floorMs)} (${x.ratioToFloor}×)`);
    t("  with node-saml's second opinion (as the app runs it)", x.withSecondOpinion);
    rows.push(['  2 agents at once', `${x.concurrentFlowsPerSecond} flows/s`, '', '']);
    rows.push(['  peak RSS of the host during the run', `${x.peakRssMb} MB`, '', '']);
  }
  if (r.nodeApi) {
    t("Node API: startMockEntra() to an app's metadata served", r.nodeApi.startToMetadata);
    t('Outside SP (node-saml) sign-in over HTTPS with the local CA', r.nodeApi.outsideSignInHttps, r.roundTrip ? `round trip above: ${ms(r.roundTrip.sequential.p50)}` : '');
  }
  if (r.runLog) {
    const l = r.runLog;
    t('Run through the runtime, sign-in log on (Cloudinary, IdP-initiated)', l.withLog, `${l.ratio}× off`);
    t('  the same, log off', l.withoutLog);
    t(`Open a workspace with ${l.loggedRuns.toLocaleString('en')} logged runs`, l.openWorkspace);
    t('  click "Sign-in logs" to its rows drawn (Chromium)', l.openScreen);
  }
  if (r.diagnosis) {
    const d = r.diagnosis;
    rows.push([
      `saml-harness diagnose: ${d.files.toLocaleString('en')} response files (${d.distinctResponses} distinct)`,
      `${(d.totalMs / 1000).toFixed(1)} s`,
      '',
      `${d.jobs} threads, ${ms(d.perDiagnosisMs)} each${d.allDiagnosed ? '' : ' — NOT ALL DIAGNOSED'}`,
    ]);
    rows.push(['  the same on one thread', `${(d.oneThreadMs / 1000).toFixed(1)} s`, '', '']);
    rows.push([`Diagnose a HAR of ${d.har.entries} entries (${d.har.responses} responses)`, ms(d.har.ms), '', '']);
    const h = d.hostileHar;
    if (h)
      rows.push([
        `Diagnose a hostile HAR (${h.entries.toLocaleString('en')} SAML entries, ${h.mb} MB) over the web API`,
        ms(h.ms),
        '',
        `answer ${h.answerMb} MB; host's longest stall ${ms(h.longestStallMs)}`,
      ]);
  }
  if (r.ui) {
    t('Web mode: launch to interactive in Chromium', r.ui.launchToInteractive, `host serving after ${ms(r.ui.launchToServing.p50)}`);
    t(`Render a ${(r.ui.renderedBytes / 1e6).toFixed(2)} MB response in the code view`, r.ui.render1Mb);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)];
  const g = (r.goals ?? []).map((x) => `${x.met ? '✓' : '✗'} ${x.goal}: ${x.measured} (goal ${x.target})`);
  return `\nSAML Harness benchmark — ${r.date}, ${r.machine.cpus} × ${r.machine.cpu}, Node ${r.machine.node}\n\n${out.join('\n')}\n\n${g.join('\n')}\n`;
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
