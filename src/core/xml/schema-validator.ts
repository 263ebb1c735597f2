import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'schemas');
const MAIN_SCHEMA = 'saml-schema-protocol-2.0.xsd';
const PRELOAD = ['saml-schema-assertion-2.0.xsd', 'xmldsig-core-schema.xsd', 'xenc-schema.xsd', 'XMLSchema.dtd', 'datatypes.dtd'];

export interface SchemaProblem {
  message: string;
  line?: number;
  /** The element the problem is about, as {namespace}LocalName. */
  element?: string;
}

export interface SchemaResult {
  valid: boolean;
  problems: SchemaProblem[];
}

/**
 * The worker keeps xmllint's compiled WebAssembly module and re-instantiates it per run (about 1 ms) instead
 * of paying worker start-up and compilation (about 60 ms) each call, as xmllint-wasm's own API does.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Module = require(workerData.xmllintJs);
const compiled = new WebAssembly.Module(fs.readFileSync(workerData.xmllintWasm));
parentPort.on('message', (job) => {
  let stdout = '', stderr = '', done = false;
  const finish = (exitCode) => { if (!done) { done = true; parentPort.postMessage({ id: job.id, exitCode, stdout, stderr }); } };
  Module({
    inputFiles: job.files.concat(workerData.schemas),
    arguments: job.args,
    print: (t) => { stdout += t + '\\n'; },
    printErr: (t) => { stderr += t + '\\n'; },
    onExit: finish,
    onAbort: (r) => { stderr += 'WASM abort: ' + r; finish(-1); },
    instantiateWasm: (imports, ok) => { WebAssembly.instantiate(compiled, imports).then((i) => ok(i, compiled)); return {}; },
    wasmMemory: new WebAssembly.Memory({ initial: 256, maximum: 4096 }),
  }).catch((e) => { stderr += String(e); finish(-1); });
});
`;

interface Job {
  xml: string;
  resolve: (r: SchemaResult) => void;
  reject: (e: Error) => void;
}

const ELEMENT = /Element '(\{[^}]*\}[\w.-]+|[\w.-]+)'/;

/**
 * SAML 2.0 schema validation with libxml2 (xmllint-wasm). Calls made while a run is in progress are batched
 * into the next run, which validates them all against one parse of the schemas.
 */
export class SchemaValidator {
  private worker: Worker | undefined;
  private queue: Job[] = [];
  private running = false;
  private seq = 0;

  validate(xml: string): Promise<SchemaResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ xml, resolve, reject });
      void this.pump();
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const require = createRequire(import.meta.url);
    const schemas = [MAIN_SCHEMA, ...PRELOAD].map((fileName) => ({ fileName, contents: readFileSync(join(SCHEMA_DIR, fileName), 'utf8') }));
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        xmllintJs: require.resolve('xmllint-wasm/xmllint-node.js'),
        xmllintWasm: require.resolve('xmllint-wasm/xmllint.wasm'),
        schemas,
      },
    });
    worker.unref();
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private fail(e: Error): void {
    this.worker = undefined;
    this.running = false;
    const pending = this.queue;
    this.queue = [];
    for (const j of pending) j.reject(e);
  }

  private async pump(): Promise<void> {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    const batch = this.queue;
    this.queue = [];
    try {
      const results = await this.run(batch.map((j) => j.xml));
      batch.forEach((j, i) => j.resolve(results[i]!));
    } catch (e) {
      for (const j of batch) j.reject(e as Error);
    } finally {
      this.running = false;
      void this.pump();
    }
  }

  private run(docs: string[]): Promise<SchemaResult[]> {
    const worker = this.ensureWorker();
    const id = ++this.seq;
    const names = docs.map((_, i) => `doc${i}.xml`);
    const files = docs.map((contents, i) => ({ fileName: names[i]!, contents }));
    return new Promise((resolve, reject) => {
      const onMessage = (m: { id: number; exitCode: number; stderr: string }): void => {
        if (m.id !== id) return;
        worker.off('message', onMessage);
        if (m.exitCode !== 0 && m.exitCode !== 3 && m.exitCode !== 4) {
          reject(new Error(`xmllint failed (exit ${m.exitCode}): ${m.stderr.slice(0, 300)}`));
          return;
        }
        resolve(names.map((n) => resultFor(n, m.stderr)));
      };
      worker.on('message', onMessage);
      worker.ref();
      worker.postMessage({ id, files, args: ['--schema', MAIN_SCHEMA, '--noout', ...names] });
    }).finally(() => worker.unref()) as Promise<SchemaResult[]>;
  }
}

function resultFor(fileName: string, stderr: string): SchemaResult {
  const problems: SchemaProblem[] = [];
  let validates = false;
  for (const line of stderr.split('\n')) {
    if (line === `${fileName} validates`) validates = true;
    if (!line.startsWith(`${fileName}:`)) continue;
    const [, lineNo, ...rest] = line.split(':');
    const message = rest.join(':').replace(/^\s*(element \S+: )?Schemas validity error : /, '').trim();
    const element = ELEMENT.exec(message)?.[1];
    problems.push({ message, ...(lineNo && /^\d+$/.test(lineNo) ? { line: Number(lineNo) } : {}), ...(element ? { element } : {}) });
  }
  return { valid: validates && problems.length === 0, problems };
}

let shared: SchemaValidator | undefined;

/** One validator per process: the compiled module and the worker are kept between calls. */
export function sharedSchemaValidator(): SchemaValidator {
  shared ??= new SchemaValidator();
  return shared;
}
