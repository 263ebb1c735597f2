import { systemClock, type Clock } from '../base/clock';
import { seedDemoWorkspace } from '../demo/demo-workspace';
import { demoTenant } from '../demo/demo-tenant';
import { finishInterruptedReset } from '../demo/demo-reset';
import { CoreError } from '../base/errors';
import type { FlowResult } from '../flows/flows';
import { startHarness, type RunningHarness } from '../host/harness';
import { newGuid } from '../base/ids';
import type { User } from '../idp/model';
import { entraIssuer } from '../idp/urls';
import type { VendorSp } from '../vendors/vendor-sp';
import type { VendorInstance, Workspace } from '../workspace/schema';
import { WorkspaceStore, type LoadProblem, type LoadResult } from '../workspace/store';
import { lockWorkspace, type WorkspaceLock } from '../workspace/lock';
import { DIR_MODE } from '../workspace/permissions';
import { mkdir } from 'node:fs/promises';
import type { AppView, FlowRunView, VendorView, WorkspaceView } from '../../shared/views';
import { RunLog } from '../runs/run-log';
import { instantiateVendor } from './vendor-instances';
import { OutsideRuns } from './outside-runs';
import { VENDORS } from '../vendors/registry';
import { BrowserRuns, type BrowserRun } from './browser-runs';
import { outsideRunScenario } from './outside-scenario';
import { publishedEndpoints } from './published-endpoints';
import { loadOrCreateTls } from '../workspace/tls-files';
import { ENTRA_HOSTS } from '../host/mount-entra';
import { toLoopback } from '../http/loopback-urls';
import { resolveProfile } from '../vendors/registry';
import { appView, vendorView } from './views';
import type { Scenario } from '../scenarios/schema';
import { LOGOUT_ISSUER_FIXES, logoutIssuerSummary, logoutResponseIssuer } from '../idp/logout-issuer';

export interface RuntimeOptions {
  dir: string;
  port?: number;
  clock?: Clock;
  /** Change nothing on disk: a file that fails to load is reported and skipped, a fresh folder is not seeded. */
  readOnly?: boolean;
  /** Serve HTTPS too, with the workspace's local CA (made on first use); port 0 or absent: a free one. */
  https?: { port?: number };
  /** What a fresh folder starts with: the demo (tenant, an app and SP per vendor) or the demo tenant alone. */
  seed?: 'demo' | 'tenant';
  /**
   * Pin the tenant ID: a fresh workspace is made with it, and one with another tenant is refused. An SP configured
   * once against it (its metadata, the Issuer) keeps working against fresh workspaces and in CI.
   */
  tenantId?: string;
  /** The sign-in logs: how many runs to keep (default 10,000), or false to keep runs in memory only. */
  runLog?: false | { max?: number };
}

export { OUTSIDE_SP, logEntry, type FlowRequest, type RunRequest } from './flow-runs';
import { FlowRuns, OUTSIDE_SP, type FlowRequest, type RunRequest } from './flow-runs';

/** The names the HTTPS certificate serves: Entra's hosts and every vendor's, for the hosts-file route. */
function hostNames(ws: Workspace): string[] {
  const vendorHosts = ws.vendors.flatMap((v) => {
    try {
      const urls = resolveProfile(v).urls(v.params);
      return [urls.replyUrl, urls.identifier, urls.homeUrl].flatMap((u) => (/^https:\/\//.test(u) ? [new URL(u).host] : []));
    } catch {
      return [];
    }
  });
  return [...new Set([ENTRA_HOSTS.login, ENTRA_HOSTS.myApps, ...vendorHosts])].sort();
}

/**
 * The harness as the app, web mode and the CLI run it: a workspace on disk, the loopback host with the mock
 * tenant and every vendor SP of the workspace, and the operations the UI calls. Every change is saved at once.
 */
export class HarnessRuntime {
  private readonly flowRuns: FlowRuns;
  /** The local CA to trust, when the host serves HTTPS. */
  caFile: string | undefined;
  /** Real browsers' sign-ins to the SPs the harness serves, waiting for the POST to the SP's ACS. */
  browserRuns: BrowserRuns | undefined;

  private constructor(
    /** The attribute set applied during the current run, by user object ID. */
    private readonly overrides: Map<string, Readonly<Record<string, readonly string[]>>>,
    readonly store: WorkspaceStore,
    readonly ws: Workspace,
    readonly problems: LoadProblem[],
    readonly harness: RunningHarness,
    readonly vendors: Map<string, VendorSp<unknown>>,
    readonly clock: Clock,
    /** The sign-in logs: every run, kept in the workspace. */
    readonly log: RunLog,
    private readonly lock: WorkspaceLock | undefined,
  ) {
    this.flowRuns = new FlowRuns(this, overrides);
  }

  static async open(opts: RuntimeOptions): Promise<HarnessRuntime> {
    const clock = opts.clock ?? systemClock;
    const store = new WorkspaceStore(opts.dir, () => clock.now(), opts.readOnly);
    // Only one process writes a workspace: the others are told which has it, before anything is read or changed.
    if (!opts.readOnly) await mkdir(opts.dir, { recursive: true, mode: DIR_MODE });
    const lock = opts.readOnly ? undefined : await lockWorkspace(opts.dir, process.argv.slice(1).join(' ') || 'saml-harness');
    try {
      return await HarnessRuntime.start(opts, clock, store, await store.load(), lock);
    } catch (e) {
      await lock?.release();
      throw e;
    }
  }

  private static async start(opts: RuntimeOptions, clock: Clock, store: WorkspaceStore, loaded: LoadResult, lock: WorkspaceLock | undefined): Promise<HarnessRuntime> {
    let ws: Workspace;
    const finished = await finishInterruptedReset(store, clock.now());
    if (finished) {
      ws = finished.ws;
      loaded.problems.push(finished.problem);
    } else if (loaded.fresh) {
      ws =
        opts.seed === 'tenant'
          ? { tenant: { ...demoTenant(), ...(opts.tenantId ? { id: opts.tenantId } : {}) }, apps: [], vendors: [], attributeSets: [] }
          : await seedDemoWorkspace(clock.now(), opts.tenantId);
      if (!opts.readOnly) await store.saveAll(ws);
    } else {
      ws = {
        tenant: loaded.workspace.tenant ?? (await standInTenant(store, loaded.problems)),
        apps: loaded.workspace.apps,
        vendors: loaded.workspace.vendors,
        attributeSets: loaded.workspace.attributeSets ?? [],
      };
    }
    if (opts.tenantId && ws.tenant.id !== opts.tenantId) {
      throw new CoreError(
        'TENANT_ID_MISMATCH',
        `The workspace ${opts.dir} holds tenant ${ws.tenant.id}, not the pinned ${opts.tenantId}. Use a fresh workspace (it is made with the pinned ID), or drop the pin.`,
      );
    }
    const overrides = new Map<string, Readonly<Record<string, readonly string[]>>>();
    // Runs by outside clients are kept once the runtime exists; none can arrive before the host starts.
    let keep: (result: FlowResult, user: string | undefined) => void = () => undefined;
    let loginUrls: () => string[] = () => [];
    const outside = new OutsideRuns(
      (result, user) => keep(result, user),
      () => loginUrls(),
      (issuer) => ws.apps.find((a) => a.saml.identifiers.some((i) => i.value === issuer))?.displayName,
    );
    const problems = [...loaded.problems];
    const tls = opts.https ? await loadOrCreateTls(opts.dir, clock.now(), hostNames(ws)) : undefined;
    if (tls?.renewed) {
      problems.push({
        file: 'tls/ca.pem',
        code: 'CA_RENEWED',
        message: `The local CA was made anew because ${tls.renewed}. Trust the new tls/ca.pem in your browser and SP, and remove the old "SAML Harness local CA".`,
        keptAs: 'tls/ca.pem',
      });
    }
    const harness = await startHarness({
      state: () => ws,
      clock,
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(tls ? { tls: { key: tls.keyPem, cert: `${tls.certPem}${tls.caPem}`, ...(opts.https?.port !== undefined ? { port: opts.https.port } : {}) } } : {}),
      overridesFor: (user: User) => overrides.get(user.objectid),
      observe: (exchange) => outside.observe(exchange),
      ...(opts.readOnly ? {} : { onTenantKeys: () => void store.saveTenant(ws.tenant) }),
    });
    const max = opts.runLog ? opts.runLog.max : undefined;
    const log = await RunLog.open(opts.dir, { readOnly: Boolean(opts.readOnly) || opts.runLog === false, ...(max !== undefined ? { max } : {}) }, clock.now());
    const rt = new HarnessRuntime(overrides, store, ws, problems, harness, new Map(), clock, log, lock);
    for (const entry of ws.vendors) {
      try {
        await rt.mountVendor(entry);
      } catch (e) {
        problems.push({ file: `vendors/${entry.id}.json`, code: 'FILE_INVALID', message: `vendors/${entry.id}.json cannot be used: ${(e as Error).message}`, keptAs: `vendors/${entry.id}.json` });
      }
    }
    rt.caFile = tls?.caFile;
    loginUrls = () => harness.host.origins().map((o) => toLoopback(harness.urls.saml2, o));
    const keepOutside = (result: FlowResult, user: string | undefined) => {
      const scenario = outsideRunScenario(result, { tenant: rt.ws.tenant, apps: rt.ws.apps, urls: harness.urls, now: clock.now() });
      void rt.rememberRun({ vendorId: OUTSIDE_SP, flow: 'external', source: 'external', ...(user ? { user } : {}) }, result, scenario);
    };
    const browserRuns = new BrowserRuns((run) => void rt.rememberBrowserRun(run), keepOutside);
    rt.browserRuns = browserRuns;
    // A response issued to an SP the harness serves is that SP's run once the browser posts it there.
    keep = (result, user) => {
      const o = result.outcome;
      const served = o.status === 'issued' ? rt.vendorAt(o.acsUrl) : undefined;
      if (served && o.status === 'issued') browserRuns.issued(served, o.responseId, result, user);
      else keepOutside(result, user);
    };
    return rt;
  }

  /** The workspace SP whose ACS is this URL, if the harness serves it. */
  vendorAt(acsUrl: string): string | undefined {
    const same = (a: string) => a.replace(/\/+$/, '').toLowerCase() === acsUrl.replace(/\/+$/, '').toLowerCase();
    return [...this.vendors].find(([, sp]) => same(sp.site.urls.acsUrl))?.[0];
  }

  /** Puts a workspace SP on the host (replacing the site of the same ID), as a live VendorSp over its entry. */
  async mountVendor(entry: VendorInstance): Promise<VendorSp<unknown>> {
    const sp = await instantiateVendor(entry, { clock: this.clock, transport: this.harness.flowEnv.transport });
    sp.site.acsListeners.add((record, req, res) => this.browserRuns?.atAcs(entry.id, sp.profile.displayName, record, req, res));
    this.harness.sites.remove(sp.site.id);
    this.vendors.set(entry.id, sp);
    this.harness.sites.add(sp.site);
    return sp;
  }

  get origin(): string {
    return this.harness.origin;
  }

  async close(): Promise<void> {
    this.browserRuns?.close();
    await this.harness.stop();
    await this.log.flush();
    await this.lock?.release();
  }

  // ---- views ------------------------------------------------------------------------------------------

  view(): WorkspaceView {
    const urls = this.harness.urls;
    return {
      dir: this.store.dir,
      gallery: Object.values(VENDORS).map((v) => ({ id: v.id, name: v.displayName })),
      // The tenant's own signing keys stay in the core: no private key crosses to the renderer.
      tenant: { ...this.ws.tenant, signingKeys: [] },
      apps: this.ws.apps.map((a) => this.appView(a.objectId)),
      vendors: this.ws.vendors.filter((v) => this.vendors.has(v.id)).map((v) => this.vendorView(v.id)),
      attributeSets: this.ws.attributeSets,
      problems: this.problems,
      idp: {
        tenantId: this.ws.tenant.id,
        loginUrl: urls.saml2,
        issuer: entraIssuer(this.ws.tenant.id),
        logoutUrl: urls.saml2,
        logoutResponseIssuer: logoutResponseIssuer(this.ws.tenant, urls),
        ...pitfall(logoutIssuerSummary(logoutResponseIssuer(this.ws.tenant, urls), this.ws.tenant.id)),
        reachable: publishedEndpoints(this).flatMap((e) =>
          e.form === 'real' ? [] : [{ form: e.form, loginUrl: e.urls.saml2, logoutUrl: e.urls.saml2, myAppsUrl: e.myApps, metadataBase: e.urls.appMetadata('') }],
        ),
        ...(this.caFile ? { caFile: this.caFile } : {}),
      },
    };
  }

  appView(objectId: string): AppView {
    const app = this.app(objectId);
    return appView(app, this.harness.urls, this.ws.vendors.find((v) => v.appObjectId === objectId)?.id);
  }

  vendorView(id: string): VendorView {
    return vendorView(this.entry(id), this.vendor(id));
  }

  // ---- lookups ----------------------------------------------------------------------------------------

  app(objectId: string) {
    const app = this.ws.apps.find((a) => a.objectId === objectId);
    if (!app) throw new CoreError('APP_NOT_FOUND', `No enterprise app ${objectId}.`);
    return app;
  }

  vendor(id: string): VendorSp<unknown> {
    const sp = this.vendors.get(id);
    if (!sp) throw new CoreError('VENDOR_NOT_FOUND', `No vendor SP "${id}" in this workspace.`);
    return sp;
  }

  entry(id: string) {
    const e = this.ws.vendors.find((v) => v.id === id);
    if (!e) throw new CoreError('VENDOR_NOT_FOUND', `No vendor SP "${id}" in this workspace.`);
    return e;
  }

  user(upnOrId: string): User {
    const key = upnOrId.toLowerCase();
    const u = this.ws.tenant.users.find((x) => x.objectid === upnOrId || x.attributes.userprincipalname.toLowerCase() === key);
    if (!u) throw new CoreError('USER_NOT_FOUND', `No user ${upnOrId} in the tenant.`);
    return u;
  }

  // ---- persistence ------------------------------------------------------------------------------------

  saveTenant(): Promise<void> {
    return this.store.saveTenant(this.ws.tenant);
  }

  saveApp(objectId: string): Promise<void> {
    return this.store.saveApp(this.app(objectId));
  }

  saveVendor(id: string): Promise<void> {
    return this.store.saveVendor(this.entry(id));
  }

  saveAttributeSets(): Promise<void> {
    return this.store.saveAttributeSets(this.ws.attributeSets);
  }

  // ---- flows ------------------------------------------------------------------------------------------

  /**
   * Runs a flow for a vendor, with its enterprise app and, for one flow, an attribute set applied to the user.
   * Running and logging runs is FlowRuns' (flow-runs.ts); the runtime only hands it what it reads.
   */
  runFlow(req: FlowRequest): Promise<FlowRunView> {
    return this.flowRuns.run(req);
  }

  /** Keeps a run for the UI and logs it (a scenario's, an outside SP's), resolving once it is on disk. */
  rememberRun(req: RunRequest, result: FlowResult, scenario?: Scenario): Promise<FlowRunView> {
    return this.flowRuns.remember(req, result, scenario);
  }

  /** A real browser's sign-in to an SP the harness serves, logged as that SP's run with its verdict. */
  private rememberBrowserRun(run: BrowserRun): Promise<FlowRunView> {
    return this.flowRuns.rememberBrowserRun(run);
  }

  /** The runs kept in memory (headless, reproduced, and those of outside SPs), newest first. */
  recentRuns(): FlowRunView[] {
    return this.flowRuns.recent();
  }

  /** A run, from memory or read back from the sign-in logs. */
  findRun(id: string): Promise<FlowRunView | undefined> {
    return this.flowRuns.find(id);
  }
}

/**
 * A workspace with records but no tenant: a new, empty tenant. When tenant.json is simply missing, the new one is
 * saved at once, so its ID (in every SP's copy of the metadata from now on) does not change at the next start;
 * when it failed to load (kept aside, reported), nothing is saved over the user's chance to mend it.
 */
async function standInTenant(store: WorkspaceStore, problems: LoadProblem[]): Promise<Workspace['tenant']> {
  const tenant: Workspace['tenant'] = {
    id: newGuid(),
    displayName: 'Tenant',
    domains: ['tenant.onmicrosoft.com'],
    users: [],
    groups: [],
    tokenTiming: '2022',
    logoutIssuer: 'login-host',
    signingKeys: [],
  };
  if (store.readOnly || problems.some((p) => p.file === 'tenant.json')) return tenant;
  await store.saveTenant(tenant);
  problems.push({
    file: 'tenant.json',
    code: 'TENANT_MISSING',
    message: `The workspace had no tenant.json; a new, empty tenant (${tenant.id}) was made and saved. SPs set up from the old tenant's metadata need it again.`,
    keptAs: 'tenant.json',
  });
  return tenant;
}

const pitfall = (summary: string | undefined): Pick<WorkspaceView['idp'], 'logoutIssuerPitfall'> => (summary ? { logoutIssuerPitfall: { summary, fixes: LOGOUT_ISSUER_FIXES } } : {});

/** The sign-in log's line for a run. */
