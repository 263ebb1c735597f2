import { existsSync, unlinkSync } from 'node:fs';
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CoreError } from '../base/errors';
import { FILE_MODE } from './permissions';

const LOCK = '.lock';

interface Holder {
  pid: number;
  command: string;
  since: string;
}

export interface WorkspaceLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another account.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(path: string): Promise<Holder | undefined> {
  try {
    const h = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' ? { pid: h.pid, command: String(h.command ?? '?'), since: String(h.since ?? '?') } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the workspace for this process: two processes writing one workspace (a `serve` and an `apps add`, two
 * app windows) would each save over the other's changes. A lock left by a process that is gone is taken over.
 */
export async function lockWorkspace(dir: string, command: string): Promise<WorkspaceLock> {
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx', FILE_MODE);
      await fh.writeFile(JSON.stringify({ pid: process.pid, command: command.slice(0, 200), since: new Date().toISOString() } satisfies Holder));
      await fh.close();
      const onExit = () => {
        if (existsSync(path)) unlinkSync(path);
      };
      process.once('exit', onExit);
      return {
        release: async () => {
          process.removeListener('exit', onExit);
          await unlink(path).catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const h = await holder(path);
      if (h && alive(h.pid)) {
        throw new CoreError('WORKSPACE_IN_USE', `The workspace ${dir} is in use by process ${h.pid} (${h.command}, since ${h.since}). Stop it first, or give another --workspace.`, { pid: h.pid });
      }
      // Left by a process that is gone (killed, crashed): taken over.
      await unlink(path).catch(() => undefined);
    }
  }
  throw new CoreError('WORKSPACE_IN_USE', `The workspace ${dir} could not be locked: another process keeps taking it.`);
}
