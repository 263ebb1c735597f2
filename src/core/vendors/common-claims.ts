import type { ClaimRule, ClaimSource, SourceAttribute } from '../idp/model';

/** Claim rules as a vendor's guide lists them: a name (no namespace) and a source. */
export const attrClaim = (name: string, attribute: SourceAttribute): ClaimRule => ({ id: name, name, source: { kind: 'attribute', attribute } });
export const constClaim = (name: string, value: string): ClaimRule => ({ id: name, name, source: { kind: 'constant', value } });
export const joinNames: ClaimSource = {
  kind: 'transformation',
  treatAsMultiValued: false,
  steps: [{ fn: 'Join', input: { kind: 'attribute', attribute: 'user.givenname' }, input2: { kind: 'attribute', attribute: 'user.surname' }, separator: ' ' }],
};

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
export const isEmail = (s: string | undefined): boolean => Boolean(s && EMAIL.test(s));
