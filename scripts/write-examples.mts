// Regenerates examples/scenarios/ from the presets: `npm run examples`. A test keeps the folder in step.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exampleScenarios } from '../src/core/scenarios/examples';
import { saveScenarioFile } from '../src/core/scenarios/scenario-files';

const dir = fileURLToPath(new URL('../examples/scenarios', import.meta.url));
for (const { file, scenario } of exampleScenarios()) await saveScenarioFile(join(dir, file), scenario);
console.log(`wrote ${exampleScenarios().length} scenarios to examples/scenarios`);
