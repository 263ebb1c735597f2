import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { PRESETS, type Preset } from '../../core/scenarios/presets';
import { lookupPreset } from '../../core/scenarios/presets/find';
import { describeOutcome, runScenario } from '../../core/scenarios/runner';
import { explainRun, presetBaseline } from '../../core/runs/explain';
import { formatExplanation } from '../format-explanation';
import { saveScenarioFile } from '../../core/scenarios/scenario-files';
import { formatFlow } from '../format-flow';
import { term } from '../term';
import { PRESET_SOURCES } from '../vendor-names';
import { UsageError } from '../usage';

export const PRESETS_HELP = `Usage: saml-harness presets [--source NAME] [--save DIR] [--json]
       saml-harness reproduce <PRESET> [--save FILE] [--xml] [--json]

presets    lists the presets: one per AADSTS code the mock tenant emulates and per code of every vendor
           catalogue. --source ${PRESET_SOURCES} filters them; --save DIR
           writes each as a scenario file.
reproduce  runs one preset in a sandbox and prints its trace, report and outcome. Name it as a ticket does:
           cloudinary/7, "cloudinary 7", 50011, AADSTS50011, InvalidReplyTo, ROLE_LOOKUP_ERROR, mistakes/sha1;
           nothing matching, it suggests the nearest. --save FILE keeps it as a scenario file.

Exit codes: 0 the preset reached its code, 1 it did not, 2 bad usage.
`;

const fileFor = (p: Preset) => `${p.source}-${p.code.toLowerCase()}.json`;

export async function presetsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { source: { type: 'string' }, save: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write(PRESETS_HELP);
    return 0;
  }
  const chosen = values.source ? PRESETS.filter((p) => p.source === values.source) : PRESETS;
  if (!chosen.length) throw new UsageError(`no presets for --source "${values.source}"; sources: ${[...new Set(PRESETS.map((p) => p.source))].join(', ')}`);
  if (values.save) {
    for (const p of chosen) await saveScenarioFile(join(values.save, fileFor(p)), p.build());
    process.stdout.write(`Wrote ${chosen.length} scenario files to ${values.save}\n`);
    return 0;
  }
  if (values.json)
    process.stdout.write(
      `${JSON.stringify(
        chosen.map(({ id, source, code, title }) => ({ id, source, code, title })),
        null,
        2,
      )}\n`,
    );
  else process.stdout.write(chosen.map((p) => `${p.id.padEnd(36)} ${p.title}`).join('\n') + '\n');
  return 0;
}

function findPreset(key: string): Preset {
  const found = lookupPreset(PRESETS, key);
  if (found.kind === 'found') return found.preset;
  if (found.kind === 'ambiguous') throw new UsageError(`"${key}" names several presets; name one: ${found.presets.map((p) => p.id).join(', ')}`);
  throw new UsageError(`no preset "${key}"; the nearest: ${found.nearest.map((p) => p.id).join(', ')} ("saml-harness presets" lists them all)`);
}

export async function reproduceCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { save: { type: 'string' }, xml: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(PRESETS_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('name one preset, e.g. cloudinary/7, "cloudinary 7", 50011 or ROLE_LOOKUP_ERROR');
  const preset = findPreset(positionals.join(' '));
  const scenario = preset.build();
  const run = await runScenario(scenario);
  const baseline = presetBaseline(preset);
  const explanation = explainRun(run.result, scenario, baseline);
  if (values.save) await saveScenarioFile(values.save, scenario);
  if (values.json) process.stdout.write(`${JSON.stringify({ preset: preset.id, matches: run.matches, outcome: run.outcome, ...explanation, result: run.result }, null, 2)}\n`);
  else {
    const t = term();
    process.stdout.write(`${t.bold(`${preset.id}: ${preset.title}`)}\n\n${formatFlow(run.result, t, { xml: values.xml })}`);
    process.stdout.write(formatExplanation(explanation, t));
    process.stdout.write(
      `\n${run.matches ? t.green(`Reproduced ${preset.code}.`) : t.red(`Expected ${describeOutcome(run.expected)}, got ${describeOutcome(run.outcome)}.`)}${values.save ? ` Saved as ${values.save}.` : ''}\n`,
    );
  }
  return run.matches ? 0 : 1;
}
