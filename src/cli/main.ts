import { isCoreError } from '../core/base/errors';
import { ATTACK_HELP, attackCommand } from './commands/attack';
import { DECODE_HELP, decodeCommand } from './commands/decode';
import { DIAGNOSE_HELP, diagnoseCommand } from './commands/diagnose';
import { FLOW_HELP, flowCommand } from './commands/flow';
import { METADATA_HELP, metadataCommand } from './commands/metadata';
import { APPS_HELP, appsCommand } from './commands/apps';
import { PRESETS_HELP, presetsCommand, reproduceCommand } from './commands/presets';
import { RUN_HELP, runCommand } from './commands/run';
import { SERVE_HELP, serveCommand } from './commands/serve';
import { InputError, UsageError } from './usage';
import { isDiagnoseWorker, runDiagnoseWorker } from './diagnose-batch';

const USAGE = `Usage: saml-harness <command> [options]

Commands:
  run        run scenario files headless; --reporter junit|json for CI
  diagnose   say what Entra and the vendor would answer to a HAR, SAML-tracer export, URL or SAML message
  decode     pretty-print every SAML message in a message, URL, HAR or SAML-tracer export
  reproduce  run the preset that produces one error code (AADSTS or a vendor's) and show it
  attack     run the attack pack (XSW1–8, stripping, replay, …) against the vendor SPs
  presets    list the presets, or save them as scenario files
  flow       run one sign-in or logout flow headless and print the trace and the report
  apps       register your SP as an enterprise app from its metadata (apps add), or list the apps
  metadata   print an enterprise app's Federation Metadata XML
  serve      run the mock Entra ID tenant and the vendor SPs on 127.0.0.1 for another application
  web        serve the harness on 127.0.0.1 for a browser (web mode)
  help       show this help; "saml-harness <command> --help" for a command

Exit codes: 0 success, 1 a flow, check or scenario failed, 2 bad usage.
`;

const COMMANDS: Record<string, { run: (args: string[]) => Promise<number>; help: string }> = {
  run: { run: runCommand, help: RUN_HELP },
  diagnose: { run: diagnoseCommand, help: DIAGNOSE_HELP },
  decode: { run: decodeCommand, help: DECODE_HELP },
  reproduce: { run: reproduceCommand, help: PRESETS_HELP },
  attack: { run: attackCommand, help: ATTACK_HELP },
  presets: { run: presetsCommand, help: PRESETS_HELP },
  apps: { run: appsCommand, help: APPS_HELP },
  metadata: { run: metadataCommand, help: METADATA_HELP },
  flow: { run: flowCommand, help: FLOW_HELP },
  serve: { run: (a) => serveCommand(a, 'serve'), help: SERVE_HELP },
  web: { run: (a) => serveCommand(a, 'web'), help: SERVE_HELP },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`saml-harness: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`saml-harness ${name}: ${e.message}\nRun "saml-harness ${name} --help" for the options.\n`);
      return 2;
    }
    if (e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`saml-harness ${name}: ${(e as Error).message}\n\n${command.help}`);
      return 2;
    }
    throw e;
  }
}

// A reader that stops early (`| head`) is not a failure of the command: stop quietly, as other tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

// The same bundle runs the threads a large diagnose batch spreads over.
if (isDiagnoseWorker()) {
  void runDiagnoseWorker();
} else {
  main(process.argv.slice(2)).then(
    // Exit once stdout has taken everything: a pipe may still hold a large batch's output.
    (code) => process.stdout.write('', () => process.exit(code)),
    (e: unknown) => {
      process.stderr.write(`saml-harness: ${isCoreError(e) ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    },
  );
}
