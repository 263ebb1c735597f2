import { chmod, lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The workspace holds private keys (the tenant's and each app's signing keys, the local CA's): another account
 * on the machine that could read them could sign a response the user's SP trusts. Folders are 0700, files 0600.
 */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/**
 * Takes group and other permissions off every folder and file of the workspace (symlinks are not followed; a
 * platform without POSIX modes is left as it is). Returns the paths, relative to the workspace, it tightened.
 */
export async function tightenWorkspace(dir: string): Promise<string[]> {
  if (process.platform === 'win32') return [];
  const tightened: string[] = [];
  const visit = async (rel: string): Promise<void> => {
    const path = join(dir, rel);
    const st = await lstat(path).catch(() => undefined);
    if (!st || st.isSymbolicLink()) return;
    const want = st.isDirectory() ? DIR_MODE : FILE_MODE;
    if ((st.mode & 0o077) !== 0) {
      await chmod(path, want);
      tightened.push(rel || '.');
    }
    if (st.isDirectory()) for (const name of await readdir(path)) await visit(rel ? join(rel, name) : name);
  };
  await visit('');
  return tightened;
}
