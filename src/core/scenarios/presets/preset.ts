import { AADSTS } from '../../idp/aadsts';
import type { Scenario, ScenarioExpectation } from '../schema';
import { ScenarioDraft, type VendorBase } from './draft';

/** A one-click reproduction: the smallest change to a working set-up that makes the vendor or Entra answer one code. */
export interface Preset {
  /** `<source>/<code>`: entra/AADSTS50011, cloudinary/7. */
  id: string;
  /** 'entra' or the vendor profile. */
  source: string;
  code: string;
  /** The fault, as a person would describe the mistake. */
  title: string;
  build(): Scenario;
}

export interface PresetSpec {
  code: string;
  title: string;
  /** Where the code shows: Entra's page, the SP after the response, the vendor's settings page. */
  at?: 'entra' | 'sp' | 'setup';
  /** Put the one fault in a draft that works. */
  fault(d: ScenarioDraft): void;
}

/** One source's presets, and the working set-up they start from. */
export interface PresetGroup {
  source: string;
  /** The set-up as the guide says, signing in: what every preset of the group changes one thing in. */
  baseline(): Scenario;
  presets: Preset[];
}

/** " ROLE_LOOKUP_ERROR" after "7", " (InvalidReplyTo)" after "AADSTS50011": the code's name where it says more. */
function codeName(source: string, d: ScenarioDraft, code: string): string {
  if (source === 'entra') {
    const entry = (AADSTS as Record<string, { name: string } | undefined>)[code.replace('AADSTS', '')];
    return entry ? ` (${entry.name})` : '';
  }
  const name = d.profile.errors[code]?.name;
  return name && name !== code && /^\d+$/.test(code) ? ` ${name}` : '';
}

export function presetsFor(source: string, base: VendorBase, specs: readonly PresetSpec[]): PresetGroup {
  const label = (d: ScenarioDraft) => (source === 'entra' ? 'Entra ID' : d.profile.displayName);
  const baseline = () => {
    const d = new ScenarioDraft(base);
    return d.finish(`${label(d)}: sign-in as the guide sets it up`, 'The working set-up the presets change one thing in.', { status: 'signed-in' });
  };
  return {
    source,
    baseline,
    presets: specs.map((p) => ({
      id: `${source}/${p.code}`,
      source,
      code: p.code,
      title: p.title,
      build: () => {
        const d = new ScenarioDraft(base);
        p.fault(d);
        const expect: ScenarioExpectation = { status: 'error', code: p.code, ...(p.at ? { source: p.at } : {}) };
        return d.finish(`${label(d)}: ${p.code}${codeName(source, d, p.code)}`, p.title, expect);
      },
    })),
  };
}
