import { randomBytes } from 'node:crypto';
import type { Clock } from '../base/clock';
import { CoreError } from '../base/errors';
import { describeFlowOutcome, runIdpInitiated, runSpInitiated, runSpLogout, type FlowResult } from '../flows/flows';
import { UserAgent } from '../flows/user-agent';
import type { RunningHarness } from '../host/harness';
import { flowOverrides } from '../idp/claims';
import type { EnterpriseApp, User } from '../idp/model';
import type { Fix } from '../diagnose/verdict-types';
import { resultWithCollision } from '../runs/collisions';
import { withLogoutIssuerNote } from '../runs/logout-notes';
import type { FlowRunView, RunLogEntry } from '../runs/model';
import type { RunLog } from '../runs/run-log';
import { captureScenario } from '../scenarios/capture';
import type { Scenario } from '../scenarios/schema';
import { resolveProfile } from '../vendors/registry';
import type { VendorSp } from '../vendors/vendor-sp';
import type { AttributeSet, VendorInstance, Workspace } from '../workspace/schema';
import type { BrowserRun } from './browser-runs';
import { runFixes } from './run-fixes';

/** What running and logging flows reads of the runtime: lookups, the host, the clock, the log, one save. */
export interface FlowContext {
  readonly ws: Workspace;
  readonly harness: RunningHarness;
  readonly clock: Clock;
  readonly log: RunLog;
  readonly vendors: ReadonlyMap<string, VendorSp<unknown>>;
  vendor(id: string): VendorSp<unknown>;
  entry(id: string): VendorInstance;
  app(objectId: string): EnterpriseApp;
  user(upnOrId: string): User;
  saveVendor(id: string): Promise<void>;
}

export interface FlowRequest {
  vendorId: string;
  flow: FlowResult['flow'];
  user?: string;
  attributeSetId?: string;
  /** Reuse the browser of an earlier run (its sessions), e.g. to log out. */
  browserOf?: string;
  /** SP-initiated: the SP sends no login_hint, so Entra's account picker shows. */
  accountPicker?: boolean;
}

/** What a run is logged as, besides its result. */
export type RunRequest = Omit<FlowRequest, 'browserOf' | 'accountPicker'> & { source: RunLogEntry['source'] };

interface FlowRun extends FlowRunView {
  agent: UserAgent;
}

/** A run's flow as a sentence names it: "Saved from an IdP-initiated sign-in". */
const FLOW_WORDS: Record<FlowResult['flow'], string> = {
  'sp-initiated': 'an SP-initiated sign-in',
  'idp-initiated': 'an IdP-initiated sign-in',
  'sp-logout': 'an SP-initiated sign-out',
  'acs-post': "a POST to the SP's ACS",
  external: 'a sign-in by your SP',
};

/** Runs kept whole in memory (with their browser, for a logout); older ones are read back from the log. */
const MAX_RUNS = 50;

/** The vendor ID runs by outside SPs are filed under. */
export const OUTSIDE_SP = 'outside';

/**
 * Runs flows and keeps them: one at a time (an attribute set applies to exactly its run), each kept whole in
 * memory for the UI (its pages, its browser for a logout, the scenario that replays it) and logged on disk.
 */
export class FlowRuns {
  private readonly kept = new Map<string, FlowRun>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: FlowContext,
    /** The attribute set applied during the current run, by user object ID (read by the tenant's claims). */
    private readonly overrides: Map<string, Readonly<Record<string, readonly string[]>>>,
  ) {}

  /**
   * Runs a flow for a vendor, with its enterprise app and, for one flow, an attribute set applied to the user.
   * Runs are serialised so an attribute set applies to exactly its run.
   */
  run(req: FlowRequest): Promise<FlowRunView> {
    const next = this.queue.then(() => this.runNow(req));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(req: FlowRequest): Promise<FlowRunView> {
    const sp = this.ctx.vendor(req.vendorId);
    if (req.flow === 'sp-logout' && !sp.profile.flows.logout) {
      throw new CoreError('LOGOUT_NOT_OFFERED', `${sp.profile.displayName} offers no single logout (its guide sets no Logout URL), so there is no sign-out to run.`);
    }
    const entry = this.ctx.entry(req.vendorId);
    const env = this.ctx.harness.flowEnv;
    const agent = (req.browserOf ? this.kept.get(req.browserOf)?.agent : undefined) ?? new UserAgent(env.transport);
    const set = req.attributeSetId ? this.ctx.ws.attributeSets.find((s) => s.id === req.attributeSetId) : undefined;
    if (req.attributeSetId && !set) throw new CoreError('ATTRIBUTE_SET_NOT_FOUND', `No attribute set "${req.attributeSetId}".`);
    const user = req.user ? this.ctx.user(req.user) : undefined;
    const before = this.scenarioBefore(req.vendorId, req.flow, user, set);
    if (set && user) this.overrides.set(user.objectid, flowOverrides(set));
    try {
      const upn = user?.attributes.userprincipalname;
      const opts = { agent, ...(upn ? { user: upn, email: user?.attributes.mail ?? upn } : {}), ...(req.accountPicker ? { accountPicker: true } : {}) };
      let result: FlowResult;
      if (req.flow === 'sp-logout') result = await runSpLogout(env, sp.site, agent);
      else if (req.flow === 'sp-initiated') result = await runSpInitiated(env, sp.site, opts);
      else {
        if (!entry.appObjectId) throw new CoreError('VENDOR_WITHOUT_APP', `${sp.profile.displayName} has no enterprise app to launch.`);
        result = await runIdpInitiated(env, this.ctx.app(entry.appObjectId).appId, opts);
      }
      const scenario = before(result);
      await this.ctx.saveVendor(req.vendorId);
      const fixes = runFixes(sp, result, this.ctx.clock.now());
      return this.keep({ ...req, source: 'run' }, result, agent, scenario, fixes);
    } finally {
      if (user) this.overrides.delete(user.objectid);
    }
  }

  /**
   * The set-up a run starts from, taken before it runs (a sign-in changes the SP's directory): the scenario
   * that replays the run once its outcome is known. Logout replays sign in first, as the run's browser had.
   */
  private scenarioBefore(vendorId: string, flow: FlowResult['flow'], user: User | undefined, set: AttributeSet | undefined): (result: FlowResult) => Scenario | undefined {
    const entry = structuredClone(this.ctx.entry(vendorId));
    const app = entry.appObjectId ? structuredClone(this.ctx.app(entry.appObjectId)) : undefined;
    const tenant = structuredClone(this.ctx.ws.tenant);
    const urls = this.ctx.harness.urls;
    const now = this.ctx.clock.now();
    const kind = flow === 'acs-post' ? 'acs-without-response' : flow === 'external' ? 'sp-initiated' : flow;
    return (result) =>
      app
        ? captureScenario({
            name: `${this.ctx.vendor(vendorId).profile.displayName}: ${describeFlowOutcome(result.outcome)}`,
            description: `Saved from ${FLOW_WORDS[flow]}${user ? ` as ${user.attributes.userprincipalname}` : ''}${set ? ` with the attribute set "${set.name}"` : ''}.`,
            tenant,
            app,
            vendor: entry,
            urls,
            flow: kind,
            ...(user ? { user } : {}),
            ...(set ? { attributeSet: set } : {}),
            outcome: result.outcome,
            now,
          })
        : undefined;
  }

  /**
   * Keeps a run for the UI (its page, its browser for a logout, the scenario that replays it) and logs it; resolves
   * once the run is on disk, so what the caller shows survives the process being killed.
   */
  remember(req: RunRequest, result: FlowResult, scenario?: Scenario): Promise<FlowRunView> {
    return this.keep(req, result, new UserAgent(this.ctx.harness.flowEnv.transport), scenario);
  }

  /** A real browser's sign-in to an SP the harness serves, logged as that SP's run with its verdict. */
  rememberBrowserRun(run: BrowserRun): Promise<FlowRunView> {
    const sp = this.ctx.vendors.get(run.vendorId);
    const fixes = sp ? runFixes(sp, run.result, this.ctx.clock.now()) : [];
    return this.keep(
      { vendorId: run.vendorId, flow: run.result.flow, source: 'browser', ...(run.user ? { user: run.user } : {}) },
      run.result,
      new UserAgent(this.ctx.harness.flowEnv.transport),
      undefined,
      fixes,
    );
  }

  private async keep(req: RunRequest, ran: FlowResult, agent: UserAgent, scenario?: Scenario, fixes: Fix[] = []): Promise<FlowRunView> {
    const id = randomBytes(8).toString('hex');
    const result = withLogoutIssuerNote(resultWithCollision(ran, scenario), this.ctx.ws.tenant.id);
    const view: FlowRunView = {
      id,
      vendorId: req.vendorId,
      request: { flow: req.flow, ...(req.user ? { user: req.user } : {}), ...(req.attributeSetId ? { attributeSetId: req.attributeSetId } : {}) },
      result,
      ...(scenario ? { scenario } : {}),
      ...(fixes.length ? { fixes } : {}),
    };
    this.kept.set(id, { ...view, agent });
    if (this.kept.size > MAX_RUNS) this.kept.delete(this.kept.keys().next().value!);
    await this.ctx.log.append(logEntry(view, req.source, this.names(req.vendorId, scenario)), view);
    return view;
  }

  /** The SP's and the enterprise app's display names, as the sign-in logs show them. */
  private names(vendorId: string, scenario: Scenario | undefined): { sp: string; app?: string } {
    const entry = this.ctx.ws.vendors.find((v) => v.id === vendorId);
    const app = scenario?.app.displayName ?? (entry?.appObjectId ? this.ctx.ws.apps.find((a) => a.objectId === entry.appObjectId)?.displayName : undefined);
    const sp = this.ctx.vendors.get(vendorId)?.profile.displayName ?? (scenario ? safeDisplayName(scenario) : undefined) ?? (vendorId === OUTSIDE_SP ? 'Your SP' : vendorId);
    return { sp, ...(app ? { app } : {}) };
  }

  /** The runs kept in memory (headless, reproduced, and those of outside SPs), newest first. */
  recent(): FlowRunView[] {
    return [...this.kept.values()].reverse().map(({ agent: _agent, ...view }) => view);
  }

  /** A run, from memory or read back from the sign-in logs. */
  async find(id: string): Promise<FlowRunView | undefined> {
    const r = this.kept.get(id);
    if (r) {
      const { agent: _agent, ...view } = r;
      return view;
    }
    return this.ctx.log.get(id);
  }
}

export function logEntry(view: FlowRunView, source: RunLogEntry['source'], names: { sp: string; app?: string }): RunLogEntry {
  const o = view.result.outcome;
  return {
    id: view.id,
    at: view.result.startedAt,
    durationMs: view.result.durationMs,
    source,
    flow: view.request.flow,
    vendorId: view.vendorId,
    ...names,
    ...(view.request.user ? { user: view.request.user } : {}),
    status: o.status === 'error' ? 'failure' : 'success',
    result: o.status === 'error' ? o.code : o.status,
    ...(o.status === 'error' ? { message: o.message } : {}),
  };
}

function safeDisplayName(scenario: Scenario): string | undefined {
  try {
    return resolveProfile(scenario.vendor).displayName;
  } catch {
    return undefined;
  }
}
