import { randomUUID } from 'node:crypto';

/** A GUID as Entra shows object IDs. */
export function newGuid(): string {
  return randomUUID();
}

/** SAML IDs as Entra writes them: an underscore and a GUID, so they never start with a digit. */
export function newSamlId(): string {
  return `_${randomUUID()}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(s: string): boolean {
  return GUID.test(s);
}
