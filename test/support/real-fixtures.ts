import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The real Entra ID / Azure AD files in ../shared/fixtures/real/, read in place (some come from AGPL-licensed
 * repositories and must not be copied into this one). SOURCES.md there gives each file's clock and certificate.
 */
export const REAL_DIR = resolve(import.meta.dirname, '../../../shared/fixtures/real');

export const haveRealFixtures = existsSync(join(REAL_DIR, 'SOURCES.md'));

/** A fixture's exact bytes as text: signatures cover the text as it is, so nothing is re-serialised. */
export const real = (name: string): string => readFileSync(join(REAL_DIR, name), 'utf8');

/** The clocks SOURCES.md gives: inside each response's valid window. */
export const REAL_CLOCK = {
  'azure-response-682febe8-2018.xml': new Date('2018-04-14T09:59:00Z'),
  'azure-response-682febe8-2018-tampered.xml': new Date('2018-04-14T09:59:00Z'),
  'azure-response-5b5c94c6-2022.xml': new Date('2022-02-23T17:49:20Z'),
} as const;

/** Destination = Recipient = Audience of each real response: the SP it was issued for. */
export const REAL_SP = {
  'azure-response-682febe8-2018.xml': 'https://zb2.zerobuzz.net:60443/authresp',
  'azure-response-682febe8-2018-tampered.xml': 'https://zb2.zerobuzz.net:60443/authresp',
  'azure-response-5b5c94c6-2022.xml': 'https://devpg.tercen.com/_service/sso/auth/saml',
} as const;
