import { demoTenant } from '../../demo/demo-tenant';
import { stableGuids } from '../../base/ids';
import { samlBasics } from '../../idp/app-defaults';
import type { ClaimRule, Group, Tenant, User } from '../../idp/model';
import type { GenericSpDefinition } from '../../vendors/generic/profile';
import type { VendorProfile } from '../../vendors/profile';
import { resolveProfile } from '../../vendors/registry';
import { Scenario, SCENARIO_FORMAT, SCENARIO_VERSION, type IdpConfigSpec, type ScenarioExpectation, type ScenarioFlowKind } from '../schema';

/** Where a vendor starts from: its guide's set-up, the way it takes the IdP, a user it works for. */
export interface VendorBase {
  profile: string;
  params?: Record<string, string>;
  definition?: GenericSpDefinition;
  settings?: Record<string, unknown>;
  idpConfig: IdpConfigSpec;
  flow: ScenarioFlowKind;
  user: string;
}

/** The groups that contain a principal, directly or through nesting. */
function groupsOf(tenant: Tenant, id: string, seen = new Set<string>()): Group[] {
  const direct = tenant.groups.filter((g) => g.members.includes(id) && !seen.has(g.objectid));
  for (const g of direct) seen.add(g.objectid);
  return [...direct, ...direct.flatMap((g) => groupsOf(tenant, g.objectid, seen))];
}

/**
 * A scenario under construction: the vendor set up as its guide says, working, before a preset puts its one
 * fault in. Helpers keep the scenario self-contained (the users it names travel with it).
 */
export class ScenarioDraft {
  /** Stable object IDs: a preset saved twice is the same file. */
  readonly demo = demoTenant(stableGuids('saml-harness demo tenant'));
  readonly profile: VendorProfile<unknown>;
  readonly s: Scenario;

  constructor(base: VendorBase) {
    this.profile = resolveProfile(base);
    const params = base.params ?? {};
    const settings = { ...(this.profile.settings.defaults() as Record<string, unknown>), ...base.settings };
    const rec = this.profile.recommendedApp(params, settings);
    this.s = {
      format: SCENARIO_FORMAT,
      version: SCENARIO_VERSION,
      name: this.profile.displayName,
      description: '',
      clock: null,
      tenant: { users: [], groups: [] },
      app: {
        displayName: this.profile.displayName,
        enabled: true,
        assignmentRequired: true,
        assignments: [],
        saml: samlBasics({ displayName: this.profile.displayName, ...rec }),
        claims: structuredClone(rec.claims),
        signing: { option: rec.signingOption, algorithm: 'sha256', certificate: 'valid' },
        requireSignedRequests: false,
        tokenLifetimeMinutes: 60,
      },
      vendor: {
        profile: base.profile,
        params,
        settings,
        idpConfig: base.idpConfig,
        supportApplied: true,
        directory: { users: [], groups: [] },
        faults: [],
        actions: [],
        ...(base.definition ? { definition: base.definition } : {}),
      },
      flow: { kind: base.flow },
      expect: { status: 'signed-in' },
    };
    this.signInAs(base.user);
  }

  /** A demo user, or one the scenario already carries; added (with their groups) to the scenario. */
  user(upn: string): User {
    const key = upn.toLowerCase();
    const have = this.s.tenant.users.find((u) => u.attributes.userprincipalname === key);
    if (have) return have;
    const u = this.demo.users.find((x) => x.attributes.userprincipalname === key);
    if (!u) throw new Error(`preset names ${upn}, who is not in the demo tenant`);
    this.s.tenant.users.push(u);
    for (const g of groupsOf(this.demo, u.objectid)) if (!this.s.tenant.groups.some((x) => x.objectid === g.objectid)) this.s.tenant.groups.push(g);
    return u;
  }

  /** The flow's user, assigned to the app (as the guide says to assign the people who use it). */
  signInAs(upn: string): void {
    this.s.flow.user = upn;
    if (!this.demo.users.some((u) => u.attributes.userprincipalname === upn.toLowerCase())) return;
    const u = this.user(upn);
    if (!this.s.app.assignments.some((a) => a.principalId === u.objectid)) this.s.app.assignments.push({ principalId: u.objectid, principalType: 'user' });
  }

  claim(name: string): ClaimRule {
    const c = this.s.app.claims.attributes.find((x) => x.name === name);
    if (!c) throw new Error(`the ${this.profile.displayName} app has no claim ${name}`);
    return c;
  }

  removeClaim(name: string): void {
    this.claim(name);
    this.s.app.claims.attributes = this.s.app.claims.attributes.filter((x) => x.name !== name);
  }

  get settings(): Record<string, unknown> {
    return this.s.vendor.settings as Record<string, unknown>;
  }

  finish(name: string, description: string, expect: ScenarioExpectation): Scenario {
    return Scenario.parse({ ...this.s, name, description, expect });
  }
}
