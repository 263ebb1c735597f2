import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The floor order of src/core is lint's to keep (eslint.config.js, docs/architecture.md): these lint a file that
// does not exist yet, as `npm run lint` would, and read what the boundaries rule says of it.

const eslint = new ESLint({ cwd: process.cwd() });
const problems = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId?.startsWith('boundaries/')).map((m) => m.message);
};

describe('the floor order of src/core, enforced by lint', () => {
  it('an import that runs back up fails', async () => {
    expect(await problems('src/core/xml/new-file.ts', "import { HarnessRuntime as x } from '../runtime/harness-runtime';")).toEqual([
      'There is no policy allowing dependencies from elements of type "xml" to elements of type "runtime"',
    ]);
    expect(await problems('src/core/sp/new-file.ts', "import { runSpInitiated as x } from '../flows/flows';")).toHaveLength(1);
  });

  it('an import across one floor fails: flows and vendors stand side by side', async () => {
    expect(await problems('src/core/flows/new-file.ts', "import { VENDORS as x } from '../vendors/registry';")).toHaveLength(1);
  });

  it('only runtime/ reads the wire contract in src/shared, and the contract never reads runtime/', async () => {
    expect(await problems('src/core/runs/new-file.ts', "import type { WorkspaceView as x } from '../../shared/views';")).toHaveLength(1);
    expect(await problems('src/core/runtime/new-file.ts', "import type { WorkspaceView as x } from '../../shared/views';")).toEqual([]);
    expect(await problems('src/shared/new-file.ts', "import { HarnessRuntime as x } from '../core/runtime/harness-runtime';")).toHaveLength(1);
  });

  it('an import down the floors passes, and a file outside every floor is refused', async () => {
    expect(await problems('src/core/runtime/new-file.ts', "import { parseXml as x } from '../xml/parse';")).toEqual([]);
    expect(await problems('src/core/new-file.ts', "import { parseXml as x } from './xml/parse';")).not.toEqual([]);
  });
}, 60_000);
