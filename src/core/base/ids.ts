import { createHash, randomUUID } from 'node:crypto';

/** A GUID as Entra shows object IDs. */
export function newGuid(): string {
  return randomUUID();
}

/** GUIDs that are the same on every run for the same seed (version-4 shaped), for files that must not churn. */
export function stableGuids(seed: string): () => string {
  let n = 0;
  return () => {
    const h = createHash('sha256').update(`${seed}:${n++}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}

/** SAML IDs as Entra writes them: an underscore and a GUID, so they never start with a digit. */
export function newSamlId(): string {
  return `_${randomUUID()}`;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isGuid(s: string): boolean {
  return GUID.test(s);
}
