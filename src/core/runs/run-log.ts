import { appendFile, copyFile, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assertInsideWorkspace } from '../workspace/inside';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { writeFileAtomic } from '../workspace/atomic-write';
import { DIR_MODE, FILE_MODE } from '../workspace/permissions';
import type { FlowRunView, RunLogEntry } from './model';

/** Runs another program or page on the machine drove (an outside SP, a real browser): kept within their share. */
const fromOutside = (e: RunLogEntry) => e.source === 'external' || e.source === 'browser';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** How many runs a workspace keeps by default; the oldest go first. */
export const DEFAULT_MAX_RUNS = 10_000;

/**
 * How many outside clients' runs are kept beside the user's own, as a share of the bound: anything on the machine
 * can make the tenant log an exchange; kept apart, they never evict the user's runs, however many arrive.
 */
export const EXTERNAL_SHARE = 0.1;

export interface RunLogOptions {
  max?: number;
  /** Read what is there; write nothing (a diagnosis). */
  readOnly?: boolean;
}

/** The index's lines that read as runs (the last of a repeated ID wins), and how many did not. */
function readIndex(text: string): { entries: RunLogEntry[]; unreadable: number } {
  const entries = new Map<string, RunLogEntry>();
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const e = JSON.parse(line) as RunLogEntry;
      if (typeof e.id === 'string' && /^[0-9a-f]{16}$/.test(e.id) && typeof e.at === 'string') entries.set(e.id, e);
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  return { entries: [...entries.values()], unreadable };
}

/**
 * The workspace's sign-in logs: runs/index.jsonl (one line per run: who, what, how it ended) and one gzipped file
 * per run with everything (trace, XML, report, page). Writes are queued in order; append() resolves once its run
 * is on disk, so a run that was shown survives the process being killed. The index is rewritten only when
 * pruning. A line that does not read (a crash mid-append) is skipped and counted.
 */
export class RunLog {
  private writing: Promise<void> = Promise.resolve();
  /** Why the last write failed, if one did: the run stays in memory and the UI says so. */
  writeProblem: string | undefined;

  private constructor(
    private readonly dir: string,
    private list: RunLogEntry[],
    private readonly max: number,
    private readonly readOnly: boolean,
    /** What was wrong with the index at open, and where its old content was kept. */
    readonly loadProblem: string | undefined,
  ) {}

  static async open(workspaceDir: string, opts: RunLogOptions = {}, now: Date = new Date()): Promise<RunLog> {
    const dir = join(workspaceDir, 'runs');
    const index = join(dir, 'index.jsonl');
    const text = existsSync(index) ? await readFile(index, 'utf8') : '';
    const { entries, unreadable } = readIndex(text);
    const max = Math.max(1, opts.max ?? DEFAULT_MAX_RUNS);
    if (opts.readOnly || !text || (text.endsWith('\n') && unreadable === 0)) {
      const problem = unreadable ? `${unreadable} line(s) of runs/index.jsonl could not be read and were skipped.` : undefined;
      return new RunLog(dir, entries, max, Boolean(opts.readOnly), problem);
    }
    // A torn last line (a crash mid-append) would swallow the next one: the index is written anew from the lines
    // that read, and an index with unreadable lines is kept aside first, as any workspace file is.
    let problem: string | undefined;
    if (unreadable) {
      const keptAs = `index.jsonl.corrupt-${now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z')}`;
      await copyFile(index, join(dir, keptAs));
      problem = `${unreadable} line(s) of runs/index.jsonl could not be read; the file was kept as runs/${keptAs} and the log goes on without them.`;
    }
    await writeFileAtomic(index, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    return new RunLog(dir, entries, max, false, problem);
  }

  /** Every logged run, oldest first. */
  entries(): readonly RunLogEntry[] {
    return this.list;
  }

  /**
   * Logs a run: in memory at once; the promise resolves when it is on disk (a write that fails leaves it in memory
   * and sets writeProblem, it does not reject).
   */
  append(entry: RunLogEntry, run: FlowRunView): Promise<void> {
    this.list.push(entry);
    const pruned = this.prune(fromOutside(entry));
    if (this.readOnly) return Promise.resolve();
    const kept = pruned.length ? this.list.slice() : undefined;
    return this.enqueue(async () => {
      await mkdir(this.dir, { recursive: true, mode: DIR_MODE });
      // Written in place, not fsynced: the guarantee is against the process dying (kill -9), which the page cache
      // survives; the index line that makes the run part of the log follows only once the file is whole.
      await writeFile(this.detailPath(entry.id), await gzipAsync(JSON.stringify(run)), { mode: FILE_MODE });
      if (kept) await this.rewriteIndex(kept, pruned);
      else await appendFile(join(this.dir, 'index.jsonl'), `${JSON.stringify(entry)}\n`, { mode: FILE_MODE });
    });
  }

  /** How many outside clients' runs the log keeps at most. */
  get externalMax(): number {
    return Math.max(1, Math.floor(this.max * EXTERNAL_SHARE));
  }

  /**
   * Drops the oldest runs of the kind just added once that kind is past its bound: the user's own runs `max`,
   * outside clients' runs their share beside them. Pruning happens in steps (5% of the bound), so a full log is
   * not rewritten on every run.
   */
  private prune(external: boolean): RunLogEntry[] {
    const isExternal = fromOutside;
    const bound = external ? this.externalMax : this.max;
    const ofKind = this.list.filter((e) => isExternal(e) === external);
    if (ofKind.length <= bound + Math.ceil(bound / 20)) return [];
    const dropped = new Set(ofKind.slice(0, ofKind.length - bound));
    this.list = this.list.filter((e) => !dropped.has(e));
    return [...dropped];
  }

  /** The whole run, read back from its file. */
  async get(id: string): Promise<FlowRunView | undefined> {
    if (!/^[0-9a-f]{16}$/.test(id) || !this.list.some((e) => e.id === id)) return undefined;
    await this.writing;
    try {
      await assertInsideWorkspace(dirname(this.dir), this.detailPath(id));
      return JSON.parse((await gunzipAsync(await readFile(this.detailPath(id)))).toString('utf8')) as FlowRunView;
    } catch {
      return undefined;
    }
  }

  flush(): Promise<void> {
    return this.writing;
  }

  private detailPath(id: string): string {
    return join(this.dir, `${id}.json.gz`);
  }

  /** Writes the index as it stood when the rewrite was asked for: later appends follow it in the queue. */
  private async rewriteIndex(kept: readonly RunLogEntry[], dropped: readonly RunLogEntry[]): Promise<void> {
    await writeFileAtomic(join(this.dir, 'index.jsonl'), kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
    await Promise.all(dropped.map((e) => unlink(this.detailPath(e.id)).catch(() => undefined)));
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    this.writing = this.writing.then(task).then(
      () => {
        this.writeProblem = undefined;
      },
      (e: unknown) => {
        this.writeProblem = `The sign-in log could not be written to ${this.dir}: ${(e as Error).message}`;
      },
    );
    return this.writing;
  }
}
