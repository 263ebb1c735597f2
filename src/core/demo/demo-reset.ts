import type { LoadProblem, ResetMark, WorkspaceStore } from '../workspace/store';
import type { Workspace } from '../workspace/schema';
import { seedDemoWorkspace } from './demo-workspace';

/**
 * Replaces the records by the demo workspace with the given tenant ID, marked as under way until done: a reset
 * killed halfway is finished at the next start, with the same tenant (finishInterruptedReset).
 */
export async function rewriteAsDemo(store: WorkspaceStore, mark: ResetMark, now: Date): Promise<Workspace> {
  const demo = await seedDemoWorkspace(now, mark.tenantId);
  await store.markReset(mark);
  await store.clearRecords();
  await store.saveAll(demo);
  await store.markReset(undefined);
  return demo;
}

/** A reset that did not finish (the process died during it): finished now, as it was going to end. */
export async function finishInterruptedReset(store: WorkspaceStore, now: Date): Promise<{ ws: Workspace; problem: LoadProblem } | undefined> {
  const mark = store.readOnly ? undefined : await store.resetMark();
  if (!mark) return undefined;
  const ws = await rewriteAsDemo(store, mark, now);
  return {
    ws,
    problem: {
      file: 'reset-in-progress.json',
      code: 'RESET_FINISHED',
      message: `A reset to the demo workspace was interrupted; it was finished now, with the same tenant (${mark.tenantId}). The records from before it are in ${mark.backup}.`,
      keptAs: mark.backup,
    },
  };
}
