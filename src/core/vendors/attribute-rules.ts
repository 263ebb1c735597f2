import type { Identity } from '../sp/model';
import type { AttributeSpec } from './profile';
import { collision, type Collision } from '../sp/collision';

export type AttributeViolation =
  | { kind: 'missing'; spec: AttributeSpec; nearMiss?: string }
  | { kind: 'not-accepted'; spec: AttributeSpec; value: string; caseMismatch?: string }
  | { kind: 'multiple'; spec: AttributeSpec; values: string[] };

/** The values of one attribute, by its exact name. */
export function values(identity: Identity, name: string): string[] {
  return identity.attributes[name] ?? [];
}

export function first(identity: Identity, name: string): string | undefined {
  return values(identity, name)[0];
}

/**
 * The first way the attributes break the vendor's rules. A missing attribute whose name differs only in case
 * or namespace from one that was sent is named as the near miss — the usual cause.
 */
export function attributeViolation(specs: readonly AttributeSpec[], identity: Identity): AttributeViolation | undefined {
  return attributeViolations(specs, identity)[0];
}

/** Every attribute that breaks its rule, one finding per attribute, in the order of the specs. */
export function attributeViolations(specs: readonly AttributeSpec[], identity: Identity): AttributeViolation[] {
  const names = Object.keys(identity.attributes);
  return specs.flatMap((spec): AttributeViolation[] => {
    const vs = values(identity, spec.name).filter((v) => v !== '');
    if (vs.length === 0) {
      if (!spec.required) return [];
      const lower = spec.name.toLowerCase();
      const nearMiss = names.find((n) => n.toLowerCase() === lower || n.toLowerCase().endsWith(`/${lower}`));
      return [{ kind: 'missing', spec, ...(nearMiss ? { nearMiss } : {}) }];
    }
    if (!spec.multiValued && vs.length > 1) return [{ kind: 'multiple', spec, values: vs }];
    const accepted = spec.accepted;
    if (!accepted) return [];
    const bad = vs.find((v) => (spec.caseInsensitiveValues ? !accepted.some((a) => a.toLowerCase() === v.toLowerCase()) : !accepted.includes(v)));
    if (bad === undefined) return [];
    const caseMismatch = accepted.find((a) => a.toLowerCase() === bad.toLowerCase());
    return [{ kind: 'not-accepted', spec, value: bad, ...(caseMismatch ? { caseMismatch } : {}) }];
  });
}

/** What the assertion sent against what the vendor holds, for a broken rule. */
export function violationCollision(v: AttributeViolation): Collision {
  const sent = { where: `The assertion's ${v.spec.name} attribute` };
  switch (v.kind) {
    case 'missing':
      return collision(
        `Claim ${v.spec.name}`,
        { ...sent, value: v.nearMiss ? `(not sent; "${v.nearMiss}" was)` : '(not sent)' },
        { where: 'The vendor requires it, by this exact name', values: [v.spec.name] },
      );
    case 'multiple':
      return collision(`Claim ${v.spec.name}`, { ...sent, value: v.values.join(', ') }, { where: 'The vendor takes one value', values: [v.values[0]!] });
    case 'not-accepted':
      return collision(
        `Claim ${v.spec.name}`,
        { ...sent, value: v.value },
        { where: `Values the vendor accepts${v.spec.caseInsensitiveValues ? '' : ' (case-sensitive)'}`, values: v.spec.accepted ?? [] },
      );
  }
}

/** One line that says what is wrong and what would be accepted. */
export function describeViolation(v: AttributeViolation): string {
  switch (v.kind) {
    case 'missing':
      return v.nearMiss ? `attribute "${v.spec.name}" is missing; "${v.nearMiss}" was sent — names are matched exactly, namespace and case included` : `attribute "${v.spec.name}" is missing`;
    case 'multiple':
      return `attribute "${v.spec.name}" has ${v.values.length} values (${v.values.join(', ')}); it takes one`;
    case 'not-accepted':
      return v.caseMismatch
        ? `"${v.spec.name}" has value "${v.value}"; the accepted value is "${v.caseMismatch}" — values are case-sensitive`
        : `"${v.spec.name}" has value "${v.value}", which is not one of ${v.spec.accepted!.map((a) => `"${a}"`).join(', ')}`;
  }
}
