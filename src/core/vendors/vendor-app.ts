import { createEnterpriseApp } from '../idp/app-defaults';
import type { EnterpriseApp } from '../idp/model';
import type { VendorProfile } from './profile';

/** The Entra enterprise app exactly as the vendor's guide says to set it up. */
export async function createVendorApp<S>(profile: VendorProfile<S>, params: Readonly<Record<string, string>>, settings: S, now: Date): Promise<EnterpriseApp> {
  const rec = profile.recommendedApp(params, settings);
  const app = await createEnterpriseApp(
    {
      displayName: profile.displayName,
      identifiers: rec.identifiers,
      replyUrls: rec.replyUrls,
      ...(rec.signOnUrl ? { signOnUrl: rec.signOnUrl } : {}),
      ...(rec.relayState ? { relayState: rec.relayState } : {}),
      ...(rec.logoutUrl ? { logoutUrl: rec.logoutUrl } : {}),
    },
    now,
  );
  app.claims = rec.claims;
  app.signing.option = rec.signingOption;
  return app;
}
