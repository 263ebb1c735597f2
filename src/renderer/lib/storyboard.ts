import type { Hop, SamlMessageView } from '../../shared/views';

export interface StoryStep {
  /** The hop whose page this step shows. */
  hop: number;
  url: string;
  /** Who drew the page: Microsoft Entra ID or the SP's host. */
  by: string;
  title: string;
  /** What the page is for, in a sentence a demo audience follows. */
  caption: string;
  /** The messages that travelled to reach this page (redirects and posts since the last page). */
  arrived: SamlMessageView[];
  /** The messages this page sends on by itself (an auto-posting form). */
  sends: SamlMessageView[];
  /** What the page is (Entra's account picker, an error page…), as the run read it. */
  kind?: string;
  /** Where the page posts itself, when it is an auto-post. */
  postsTo?: string;
}

const ENTRA_HOSTS = new Set(['login.microsoftonline.com', 'launcher.myapps.microsoft.com', 'myapps.microsoft.com', 'login.windows.net']);

function who(url: string, spName: string | undefined): string {
  const host = new URL(url).host;
  return ENTRA_HOSTS.has(host) ? 'Microsoft Entra ID' : (spName ?? host);
}

function caption(h: Hop, next: Hop | undefined, by: string): string {
  if (next?.cause === 'auto-post' && next.saml.some((m) => m.param === 'SAMLResponse')) {
    return `The auto-post: ${by === 'Microsoft Entra ID' ? "Entra's" : 'this'} page posts the signed SAMLResponse to the Reply URL (the SP's ACS), by itself.`;
  }
  if (next?.cause === 'auto-post' && next.saml.some((m) => m.param === 'SAMLRequest')) return 'The auto-post: this page posts the SAMLRequest on, by itself.';
  switch (h.page?.kind) {
    case 'pick-account':
      return "Entra's account picker: no session and no login_hint, so the user picks the account to sign in with.";
    case 'mfa-prompt':
      return 'Conditional Access wants multifactor authentication: Entra asks the user to approve the sign-in.';
    case 'aadsts-error':
      // The page states the message; the caption names the code once, so the frame keeps its room.
      return `Entra's error page: AADSTS${h.page.aadsts ?? ''}. The page says why.`;
    case 'sp-sign-on':
      return `${by}'s sign-in page: the user gives a work email, and the SP sends its AuthnRequest to the IdP it holds.`;
    case 'signed-in':
      return `${by} read the response, checked it, and signed the user in.`;
    case 'sp-error':
      return `${by} refused the response: its error page.`;
    case 'signed-out':
    case 'sp-signed-out':
      return `${by}: signed out.`;
    case 'unreachable':
      return 'The browser could not reach this host: nothing answers there.';
    default:
      return h.page?.title ? `${by}: ${h.page.title}` : `${by} answered HTTP ${h.status}.`;
  }
}

/** A run as the pages the user saw, in order, each with what travelled to reach it and what it sends on. */
export function storyboardSteps(hops: readonly Hop[], spName?: string): StoryStep[] {
  const steps: StoryStep[] = [];
  let since = 0;
  hops.forEach((h, i) => {
    if (h.body === undefined) return;
    const next = hops[i + 1];
    const by = who(h.url, spName);
    steps.push({
      hop: i,
      url: h.url,
      by,
      title: h.page?.title || by,
      caption: caption(h, next, by),
      arrived: hops.slice(since, i + 1).flatMap((x) => x.saml),
      sends: next?.cause === 'auto-post' ? next.saml : [],
      ...(h.page?.kind ? { kind: h.page.kind } : {}),
      ...(next?.cause === 'auto-post' ? { postsTo: next.url } : {}),
    });
    since = i + 1;
  });
  return steps;
}
