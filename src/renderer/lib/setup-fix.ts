import type { Route } from '../state/ui-store';

/** Where a failing setup check is fixed: the blade (route), what to call it, and the field to put focus on. */
export interface FixTarget {
  route: Route;
  label: string;
  /** A CSS selector for the field, on the route's screen. */
  field: string;
}

/** Maps a setup check (by its ID, from src/core/vendors/setup-common.ts) to the screen and field that fix it. */
export function fixTarget(checkId: string, appObjectId: string | undefined, vendorId: string): FixTarget | undefined {
  const app = (tab: 'basic' | 'claims' | 'certificates' | 'users', label: string, field: string): FixTarget | undefined =>
    appObjectId ? { route: { screen: 'apps', id: appObjectId, tab }, label, field } : undefined;
  if (checkId === 'identifier') return app('basic', 'Basic SAML Configuration › Identifier', 'input[aria-label="Identifier (Entity ID) 1"]');
  if (checkId === 'reply-url') return app('basic', 'Basic SAML Configuration › Reply URL', 'input[aria-label="Reply URL (Assertion Consumer Service URL) 1"]');
  if (checkId === 'sign-on-url') return app('basic', 'Basic SAML Configuration › Sign on URL', 'input[name=signOnUrl]');
  if (checkId === 'relay-state') return app('basic', 'Basic SAML Configuration › Relay State', 'input[name=relayState]');
  if (checkId === 'logout-url') return app('basic', 'Basic SAML Configuration › Logout Url', 'input[name=logoutUrl]');
  if (checkId === 'name-id') return app('claims', 'Attributes & Claims › Unique User Identifier', 'section[aria-label="Required claim"] select, section[aria-label="Required claim"] input');
  if (checkId.startsWith('claim:')) {
    const name = checkId.slice('claim:'.length);
    return app('claims', `Attributes & Claims › ${name}`, `button[aria-label="Edit claim ${CSS.escape(name)}"], section[aria-label="Additional claims"] button`);
  }
  if (checkId === 'claim-values') return app('claims', 'Attributes & Claims', 'section[aria-label="Additional claims"] button');
  if (checkId === 'signing-option') return app('certificates', 'SAML Certificates › Signing Option', 'select[name=signing-option]');
  if (checkId === 'assignment') return app('users', 'Users and groups', 'section[aria-label="Users and groups"] input, section[aria-label="Users and groups"] select');
  if (checkId === 'idp-config')
    return {
      route: { screen: 'vendors', id: vendorId },
      label: 'the SP’s single sign-on configuration',
      field: 'section[aria-label="Single sign-on configuration"] input, section[aria-label="Single sign-on configuration"] textarea, section[aria-label="Single sign-on configuration"] select',
    };
  return undefined;
}

/**
 * Focuses the field once the screen has drawn it (after navigation has put focus on the heading), and scrolls it
 * into the middle of the view. Gives up after about two seconds.
 */
export function focusWhenDrawn(selector: string): void {
  let frames = 0;
  const tick = () => {
    const el = frames > 2 ? document.querySelector<HTMLElement>(selector) : null;
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus();
      return;
    }
    if (++frames < 120) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
