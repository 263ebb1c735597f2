import { Tabs } from '../components/Tabs';
import { useUi } from '../state/ui-store';
import { UsersPanel } from './tenant/UsersPanel';
import { GroupsPanel } from './tenant/GroupsPanel';
import { AttributeSetsPanel } from './tenant/AttributeSetsPanel';
import { useWorkspace } from '../state/workspace-store';

const TABS = [
  { id: 'users', label: 'Users' },
  { id: 'groups', label: 'Groups' },
  { id: 'attribute-sets', label: 'Attribute sets' },
] as const;

export function TenantScreen({ tab }: { tab: (typeof TABS)[number]['id'] }) {
  const go = useUi((s) => s.go);
  const view = useWorkspace((s) => s.view)!;
  return (
    <>
      <h1>{view.tenant.displayName}</h1>
      <p className="subtitle">
        Tenant ID <code>{view.tenant.id}</code> · Microsoft Entra Identifier <code>{view.idp.issuer}</code> · Login URL <code>{view.idp.loginUrl}</code>
      </p>
      <Tabs label="Tenant" tabs={TABS} active={tab} onChange={(t) => go({ screen: 'tenant', tab: t })} />
      {tab === 'users' ? <UsersPanel /> : tab === 'groups' ? <GroupsPanel /> : <AttributeSetsPanel />}
    </>
  );
}
