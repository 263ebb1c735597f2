import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { CoreError } from '../base/errors';

/**
 * Refuses a workspace path that leads out of the workspace (a symbolic link to ~/.ssh/id_rsa, say): a file of the
 * workspace is read only where it really is inside it. The path must exist.
 */
export async function assertInsideWorkspace(root: string, path: string): Promise<void> {
  const [r, p] = await Promise.all([realpath(root), realpath(path)]);
  if (p !== r && !p.startsWith(r + sep)) {
    throw new CoreError('OUTSIDE_WORKSPACE', `${relative(root, path)} leads out of the workspace (a link to ${p}); it is not read.`, { path: relative(root, path) });
  }
}
