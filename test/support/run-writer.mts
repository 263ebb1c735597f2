// A process that runs sign-ins and prints each run's ID the moment the runtime answers with it, as the UI would
// show it; the test kills it with SIGKILL right after an answer and checks the run is on disk.
import { HarnessRuntime } from '../../src/core/runtime/harness-runtime';

const rt = await HarnessRuntime.open({ dir: process.argv[2]! });
for (;;) {
  const run = await rt.runFlow({ vendorId: 'generic', flow: 'sp-initiated', user: 'adele.vance@contoso.com' });
  process.stdout.write(`shown ${run.id}\n`);
}
