import { cp, mkdir, readFile, readdir, rename, rm, unlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EnterpriseApp, Tenant } from '../idp/model';
import { writeJsonAtomic } from './atomic-write';
import { DIR_MODE, tightenWorkspace } from './permissions';
import { assertInsideWorkspace } from './inside';
import { FILES, FORMAT_VERSION, type AttributeSet, type FileKind, type VendorInstance, type Workspace } from './schema';

/** A file that could not be loaded: why, and where its content was kept. */
export interface LoadProblem {
  file: string;
  code: 'FILE_NOT_JSON' | 'FILE_WRONG_KIND' | 'FILE_TOO_NEW' | 'FILE_INVALID' | 'FILE_UNREADABLE' | 'PERMISSIONS_TIGHTENED' | 'CA_RENEWED' | 'RESET_FINISHED' | 'TENANT_MISSING';
  message: string;
  /** The file, renamed aside byte for byte so no save can overwrite it (read-only: left where it is). */
  keptAs: string;
}

export interface LoadResult {
  workspace: Partial<Workspace> & { apps: EnterpriseApp[]; vendors: VendorInstance[] };
  problems: LoadProblem[];
  /** Nothing was there: the caller seeds a fresh workspace. */
  fresh: boolean;
}

/** A reset under way: the tenant it keeps and where the old records went. */
export interface ResetMark {
  tenantId: string;
  backup: string;
}

const RESET_MARK = 'reset-in-progress.json';

/** What a reset backs up and clears. Saved scenarios, the local CA (tls/) and older backups stay. */
const RECORDS = ['tenant.json', 'apps', 'vendors', 'attribute-sets.json'];

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * The workspace folder: one JSON file per tenant, app, vendor SP, and the attribute sets. Each file carries
 * its kind and format version, is validated on load, and is written atomically. A file that fails to load is
 * renamed aside (never overwritten) and reported; the rest loads.
 */
export class WorkspaceStore {
  constructor(
    readonly dir: string,
    private readonly now: () => Date = () => new Date(),
    /** Read without changing anything: no folder is made, no file renamed or written (a diagnosis). */
    readonly readOnly = false,
  ) {}

  private path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  async load(): Promise<LoadResult> {
    const problems: LoadProblem[] = [];
    if (!this.readOnly) {
      await mkdir(this.dir, { recursive: true, mode: DIR_MODE });
      const opened = await tightenWorkspace(this.dir);
      if (opened.length) {
        problems.push({
          file: opened[0]!,
          code: 'PERMISSIONS_TIGHTENED',
          message: `Other accounts on this machine could read ${opened.length} file(s) or folder(s) of the workspace (${opened.slice(0, 3).join(', ')}${opened.length > 3 ? ', …' : ''}), which hold signing keys; they are now readable by you alone (folders 0700, files 0600).`,
          keptAs: opened[0]!,
        });
      }
    }
    const read = async <T>(rel: string, kind: FileKind<T>): Promise<T | undefined> => {
      const r = await this.readFile(rel, kind);
      if (r.ok) return r.data;
      if (r.problem) problems.push(r.problem);
      return undefined;
    };
    const tenant = await read('tenant.json', FILES.tenant);
    const apps = (await Promise.all((await this.list('apps')).map((f) => read(join('apps', f), FILES.app)))).filter((a): a is EnterpriseApp => Boolean(a));
    const vendors = (await Promise.all((await this.list('vendors')).map((f) => read(join('vendors', f), FILES.vendor)))).filter((v): v is VendorInstance => Boolean(v));
    const attributeSets = await read('attribute-sets.json', FILES.attributeSets);
    const fresh = problems.length === 0 && !tenant && apps.length === 0 && vendors.length === 0 && !attributeSets;
    return { workspace: { apps, vendors, ...(tenant ? { tenant } : {}), ...(attributeSets ? { attributeSets } : {}) }, problems, fresh };
  }

  private async list(sub: string): Promise<string[]> {
    const dir = this.path(sub);
    if (!existsSync(dir)) return [];
    return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  }

  private async readFile<T>(rel: string, kind: FileKind<T>): Promise<{ ok: true; data: T } | { ok: false; problem?: LoadProblem }> {
    const file = this.path(rel);
    if (!existsSync(file)) return { ok: false };
    let text: string;
    try {
      await assertInsideWorkspace(this.dir, file);
      text = await readFile(file, 'utf8');
    } catch (e) {
      return { ok: false, problem: await this.quarantine(rel, 'FILE_UNREADABLE', `cannot be read: ${(e as Error).message}`) };
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, problem: await this.quarantine(rel, 'FILE_NOT_JSON', `is not valid JSON: ${(e as Error).message}`) };
    }
    const head = (json ?? {}) as { format?: unknown; version?: unknown; data?: unknown };
    const expected = `saml-harness/${kind.kind}`;
    if (head.format !== expected) return { ok: false, problem: await this.quarantine(rel, 'FILE_WRONG_KIND', `is "${String(head?.format)}", not a ${expected} file`) };
    if (typeof head.version === 'number' && head.version > FORMAT_VERSION) {
      return { ok: false, problem: await this.quarantine(rel, 'FILE_TOO_NEW', `was written by a newer SAML Harness (format version ${head.version}; this one reads up to ${FORMAT_VERSION})`) };
    }
    const parsed = kind.data.safeParse(head.data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, problem: await this.quarantine(rel, 'FILE_INVALID', `is not valid at data.${issue.path.join('.')}: ${issue.message}`) };
    }
    return { ok: true, data: parsed.data };
  }

  private async quarantine(rel: string, code: LoadProblem['code'], why: string): Promise<LoadProblem> {
    if (this.readOnly) return { file: rel, code, message: `${rel} ${why}. It was left as it is and skipped.`, keptAs: rel };
    const keptAs = `${rel}.${code === 'FILE_TOO_NEW' ? 'newer' : 'corrupt'}-${stamp(this.now())}`;
    await rename(this.path(rel), this.path(keptAs));
    return { file: rel, code, message: `${rel} ${why}. It was kept as ${keptAs} and the workspace loaded without it.`, keptAs };
  }

  private write<T>(rel: string, kind: FileKind<T>, data: T): Promise<void> {
    if (this.readOnly) return Promise.reject(new Error(`The workspace ${this.dir} is open read-only; ${rel} was not written.`));
    return writeJsonAtomic(this.path(rel), { format: `saml-harness/${kind.kind}`, version: FORMAT_VERSION, data });
  }

  saveTenant(tenant: Tenant): Promise<void> {
    return this.write('tenant.json', FILES.tenant, tenant);
  }

  saveApp(app: EnterpriseApp): Promise<void> {
    return this.write(join('apps', `${app.objectId}.json`), FILES.app, app);
  }

  async deleteApp(objectId: string): Promise<void> {
    if (this.readOnly) return;
    await unlink(this.path('apps', `${objectId}.json`)).catch(() => undefined);
  }

  async deleteVendor(id: string): Promise<void> {
    if (this.readOnly) return;
    await unlink(this.path('vendors', `${id}.json`)).catch(() => undefined);
  }

  saveVendor(vendor: VendorInstance): Promise<void> {
    return this.write(join('vendors', `${vendor.id}.json`), FILES.vendor, vendor);
  }

  saveAttributeSets(sets: AttributeSet[]): Promise<void> {
    return this.write('attribute-sets.json', FILES.attributeSets, sets);
  }

  /**
   * Copies the workspace's records (tenant, apps, vendor SPs, attribute sets) into backups/<time>/ and returns
   * that folder, relative to the workspace.
   */
  async backup(): Promise<string> {
    if (this.readOnly) throw new Error(`The workspace ${this.dir} is open read-only; no backup was made.`);
    let rel = join('backups', stamp(this.now()));
    for (let n = 2; existsSync(this.path(rel)); n++) rel = join('backups', `${stamp(this.now())}-${n}`);
    await mkdir(this.path(rel), { recursive: true, mode: DIR_MODE });
    for (const name of RECORDS) if (existsSync(this.path(name))) await cp(this.path(name), this.path(rel, name), { recursive: true });
    return rel;
  }

  /**
   * A reset in progress: written before the records are cleared, removed once the new ones are saved. Found at
   * start, the reset is finished with the tenant ID it names, so an interrupted reset never comes back as a
   * workspace with a new, unsaved tenant.
   */
  async markReset(mark: ResetMark | undefined): Promise<void> {
    if (this.readOnly) return;
    if (mark) await writeJsonAtomic(this.path(RESET_MARK), mark);
    else await rm(this.path(RESET_MARK), { force: true });
  }

  async resetMark(): Promise<ResetMark | undefined> {
    try {
      const mark = JSON.parse(await readFile(this.path(RESET_MARK), 'utf8')) as Partial<ResetMark>;
      return typeof mark.tenantId === 'string' && typeof mark.backup === 'string' ? { tenantId: mark.tenantId, backup: mark.backup } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Removes the records that backup() copies, so the next save starts the workspace anew. */
  async clearRecords(): Promise<void> {
    if (this.readOnly) return;
    for (const name of RECORDS) await rm(this.path(name), { recursive: true, force: true });
  }

  async saveAll(ws: Workspace): Promise<void> {
    await this.saveTenant(ws.tenant);
    await Promise.all(ws.apps.map((a) => this.saveApp(a)));
    await Promise.all(ws.vendors.map((v) => this.saveVendor(v)));
    await this.saveAttributeSets(ws.attributeSets);
  }
}
