// A process that saves a workspace over and over, as the app does, until it is killed. Each generation n
// rewrites tenant.json (large), every app and attribute-sets.json, all carrying n; "saved n" follows each.
import { seedDemoWorkspace } from '../../src/core/demo/demo-workspace';
import { WorkspaceStore } from '../../src/core/workspace/store';

const dir = process.argv[2]!;
const store = new WorkspaceStore(dir);
const ws = await seedDemoWorkspace(new Date());
// Enough bytes that a kill often lands inside a write.
const padding = 'x'.repeat(200_000);
for (let n = 0; ; n++) {
  ws.tenant.displayName = `generation ${n}`;
  ws.tenant.users[0]!.attributes.extensionattribute15 = `${n}:${padding}`;
  for (const app of ws.apps) app.displayName = `generation ${n}`;
  ws.attributeSets[0]!.description = `generation ${n}`;
  await store.saveAll(ws);
  process.stdout.write(`saved ${n}\n`);
}
