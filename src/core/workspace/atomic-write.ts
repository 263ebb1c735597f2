import { open, rename, mkdir, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { DIR_MODE, FILE_MODE } from './permissions';

const queues = new Map<string, Promise<unknown>>();

/** Runs writes to one path one after another, so concurrent saves never interleave. */
export function withFileLock<T>(path: string, fn: () => Promise<T>): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(fn);
  queues.set(path, next);
  return next.finally(() => {
    if (queues.get(path) === next) queues.delete(path);
  });
}

async function fsyncDir(dir: string): Promise<void> {
  try {
    const fh = await open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    // Some platforms cannot open a directory for fsync; the rename is still atomic.
  }
}

/**
 * Writes a file so that a reader (or a crash) only ever sees the old content or the new: the data goes to a
 * temporary file in the same directory, is flushed to disk, and replaces the target with one rename.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await withFileLock(path, async () => {
    const dir = dirname(path);
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    // Created 0600: a workspace file may hold a private key, and the rename keeps the mode.
    const fh = await open(tmp, 'w', FILE_MODE);
    try {
      await fh.writeFile(content);
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await rename(tmp, path);
    } catch (e) {
      await unlink(tmp).catch(() => undefined);
      throw e;
    }
    await fsyncDir(dir);
  });
}

export function writeJsonAtomic(path: string, data: unknown): Promise<void> {
  return writeFileAtomic(path, JSON.stringify(data, null, 2) + '\n');
}
