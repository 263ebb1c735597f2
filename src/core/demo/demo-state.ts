import { GENERIC_SP } from '../sp/site/generic-defaults';
import { createEnterpriseApp } from '../idp/app-defaults';
import { demoTenant } from './demo-tenant';
import type { EnterpriseApp, Tenant } from '../idp/model';

export interface DemoState {
  tenant: Tenant;
  apps: EnterpriseApp[];
}

/** A tenant with one generic app assigned to everyone, until workspaces and vendor apps take over. */
export async function demoState(now: Date): Promise<DemoState> {
  const tenant = demoTenant();
  const app = await createEnterpriseApp(
    {
      displayName: GENERIC_SP.displayName,
      identifiers: [GENERIC_SP.entityId],
      replyUrls: [GENERIC_SP.acsUrl],
      logoutUrl: GENERIC_SP.sloUrl,
    },
    now,
  );
  app.assignments = tenant.users.map((u) => ({ principalId: u.objectid, principalType: 'user' as const }));
  return { tenant, apps: [app] };
}
