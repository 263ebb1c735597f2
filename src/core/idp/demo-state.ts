import { createEnterpriseApp } from './app-defaults';
import { demoTenant } from './demo-tenant';
import type { EnterpriseApp, Tenant } from './model';

export interface DemoState {
  tenant: Tenant;
  apps: EnterpriseApp[];
}

/** A tenant with one generic app assigned to everyone, until workspaces and vendor apps take over. */
export async function demoState(now: Date): Promise<DemoState> {
  const tenant = demoTenant();
  const app = await createEnterpriseApp(
    {
      displayName: 'SAML Harness Test App',
      identifiers: ['https://sp.example.com/saml/metadata'],
      replyUrls: ['https://sp.example.com/saml/acs'],
      logoutUrl: 'https://sp.example.com/saml/logout',
    },
    now,
  );
  app.assignments = tenant.users.map((u) => ({ principalId: u.objectid, principalType: 'user' as const }));
  return { tenant, apps: [app] };
}
