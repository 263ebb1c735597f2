import { appendFile, mkdir, readFile, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { writeFileAtomic } from '../workspace/atomic-write';
import type { FlowRunView, RunLogEntry } from '../../shared/views';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** How many runs a workspace keeps by default; the oldest go first. */
export const DEFAULT_MAX_RUNS = 10_000;

export interface RunLogOptions {
  max?: number;
  /** Read what is there; write nothing (a diagnosis). */
  readOnly?: boolean;
}

/**
 * The workspace's sign-in logs: runs/index.jsonl (one line per run: who, what, how it ended) and one gzipped file
 * per run with everything (trace, XML, report, page). Appends are queued so a run never waits on the disk; the
 * index is rewritten only when pruning. A line that does not read (a crash mid-append) is skipped and counted.
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
    /** Lines of the index that could not be read at open. */
    readonly unreadable: number,
  ) {}

  static async open(workspaceDir: string, opts: RunLogOptions = {}): Promise<RunLog> {
    const dir = join(workspaceDir, 'runs');
    const index = join(dir, 'index.jsonl');
    const entries = new Map<string, RunLogEntry>();
    let unreadable = 0;
    if (existsSync(index)) {
      for (const line of (await readFile(index, 'utf8')).split('\n')) {
        if (!line) continue;
        try {
          const e = JSON.parse(line) as RunLogEntry;
          if (typeof e.id === 'string' && /^[0-9a-f]{16}$/.test(e.id) && typeof e.at === 'string') entries.set(e.id, e);
          else unreadable++;
        } catch {
          unreadable++;
        }
      }
    }
    return new RunLog(dir, [...entries.values()], Math.max(1, opts.max ?? DEFAULT_MAX_RUNS), Boolean(opts.readOnly), unreadable);
  }

  /** Every logged run, oldest first. */
  entries(): readonly RunLogEntry[] {
    return this.list;
  }

  /** Logs a run: in memory at once, on disk in the background (flush() waits for it). */
  append(entry: RunLogEntry, run: FlowRunView): void {
    this.list.push(entry);
    const pruned = this.list.length > this.max + this.slack() ? this.list.splice(0, this.list.length - this.max) : [];
    if (this.readOnly) return;
    const kept = pruned.length ? this.list.slice() : undefined;
    this.enqueue(async () => {
      await mkdir(this.dir, { recursive: true });
      await writeFileAtomic(this.detailPath(entry.id), await gzipAsync(JSON.stringify(run)));
      if (kept) await this.rewriteIndex(kept, pruned);
      else await appendFile(join(this.dir, 'index.jsonl'), `${JSON.stringify(entry)}\n`);
    });
  }

  /** The whole run, read back from its file. */
  async get(id: string): Promise<FlowRunView | undefined> {
    if (!/^[0-9a-f]{16}$/.test(id) || !this.list.some((e) => e.id === id)) return undefined;
    await this.writing;
    try {
      return JSON.parse((await gunzipAsync(await readFile(this.detailPath(id)))).toString('utf8')) as FlowRunView;
    } catch {
      return undefined;
    }
  }

  flush(): Promise<void> {
    return this.writing;
  }

  /** Pruning happens in steps (5% of the bound), so a full log is not rewritten on every run. */
  private slack(): number {
    return Math.ceil(this.max / 20);
  }

  private detailPath(id: string): string {
    return join(this.dir, `${id}.json.gz`);
  }

  /** Writes the index as it stood when the rewrite was asked for: later appends follow it in the queue. */
  private async rewriteIndex(kept: readonly RunLogEntry[], dropped: readonly RunLogEntry[]): Promise<void> {
    await writeFileAtomic(join(this.dir, 'index.jsonl'), kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
    await Promise.all(dropped.map((e) => unlink(this.detailPath(e.id)).catch(() => undefined)));
  }

  private enqueue(task: () => Promise<void>): void {
    this.writing = this.writing.then(task).then(
      () => {
        this.writeProblem = undefined;
      },
      (e: unknown) => {
        this.writeProblem = `The sign-in log could not be written to ${this.dir}: ${(e as Error).message}`;
      },
    );
  }
}
