import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Diagnosis } from '../core/diagnose/diagnose';
import { HarnessRuntime } from '../core/runtime/harness-runtime';
import { diagnoseBatch, type DiagnoseRequest } from '../core/runtime/trace-ops';

/** One artefact's diagnosis, or why it has none; plain data, so it crosses from a worker as it is. */
export interface BatchItem {
  name: string;
  result: { ok: true; value: Diagnosis } | { ok: false; error: { code: string; message: string } };
}

export interface BatchFile {
  path: string;
  /** As the user sees it (relative to where they are). */
  name: string;
}

const ROLE = 'saml-harness/diagnose-worker';
/** Files a worker takes at a time, at most: enough to keep it busy, few enough to share the tail out evenly. */
const MAX_CHUNK = 32;
/** Below this many files a batch is faster in one thread than starting workers (each opens the workspace). */
const FILES_PER_WORKER = 200;

interface WorkerInit {
  role: typeof ROLE;
  workspace: string;
  req: DiagnoseRequest;
}
type ToWorker = { files: Array<BatchFile & { index: number }> } | { done: true };
type FromWorker = { ready: true } | { results: Array<{ index: number; item: BatchItem }> };

/** One worker per core for a large batch, one thread for a small one. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / FILES_PER_WORKER)));
}

async function diagnoseFiles(rt: HarnessRuntime, files: readonly BatchFile[], req: DiagnoseRequest): Promise<BatchItem[]> {
  const out: BatchItem[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = await readFile(f.path, 'utf8');
    } catch (e) {
      out.push({ name: f.name, result: { ok: false, error: { code: 'FILE_UNREADABLE', message: `cannot be read: ${(e as Error).message}` } } });
      continue;
    }
    const [d] = await diagnoseBatch(rt, [{ name: f.name, text }], req);
    out.push({ name: f.name, result: d!.result.ok ? d!.result : { ok: false, error: { code: d!.result.error.code, message: d!.result.error.message } } });
  }
  return out;
}

/**
 * Diagnoses the files in this thread, or spread over `jobs` worker threads that each open the same workspace
 * (`entry` is the module that starts one: the command line's bundle). Results come back in the order given.
 */
export async function diagnoseFilesBatch(opts: {
  rt: HarnessRuntime;
  workspace: string;
  files: readonly BatchFile[];
  req: DiagnoseRequest;
  jobs: number;
  entry: URL | undefined;
}): Promise<BatchItem[]> {
  const { rt, workspace, files, req, entry } = opts;
  const jobs = Math.min(opts.jobs, files.length);
  if (jobs <= 1 || !entry) return diagnoseFiles(rt, files, req);
  const chunkSize = Math.min(MAX_CHUNK, Math.ceil(files.length / (jobs * 4)));
  const out: BatchItem[] = new Array<BatchItem>(files.length);
  let next = 0;
  const workers: Worker[] = [];
  return new Promise<BatchItem[]>((resolve, reject) => {
    let running = jobs;
    let failed = false;
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    for (let i = 0; i < jobs; i++) {
      const init: WorkerInit = { role: ROLE, workspace, req };
      const worker = new Worker(entry, { workerData: init });
      workers.push(worker);
      const feed = () => {
        const chunk = files.slice(next, next + chunkSize).map((f, j) => ({ ...f, index: next + j }));
        next += chunk.length;
        const message: ToWorker = chunk.length ? { files: chunk } : { done: true };
        worker.postMessage(message);
      };
      worker.on('message', (m: FromWorker) => {
        if ('results' in m) for (const r of m.results) out[r.index] = r.item;
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0 && !failed) fail(new Error(`a diagnosis worker stopped (exit ${code})`));
        else if (--running === 0 && !failed) resolve(out);
      });
    }
  });
}

/** True in a thread `diagnoseFilesBatch` started. */
export function isDiagnoseWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerInit> | null)?.role === ROLE;
}

/** A worker's life: open the workspace, diagnose the chunks it is sent, close when told there are no more. */
export async function runDiagnoseWorker(): Promise<void> {
  const { workspace, req } = workerData as WorkerInit;
  const port = parentPort!;
  const rt = await HarnessRuntime.open({ dir: workspace, readOnly: true });
  port.on('message', (m: ToWorker) => {
    if ('done' in m) {
      // Ending the thread outright: a handle the runtime leaves open must not keep the batch waiting.
      void rt.close().then(() => process.exit(0));
      return;
    }
    void diagnoseFiles(rt, m.files, req).then((items) => {
      const reply: FromWorker = { results: items.map((item, i) => ({ index: m.files[i]!.index, item })) };
      port.postMessage(reply);
    });
  });
  const ready: FromWorker = { ready: true };
  port.postMessage(ready);
}
