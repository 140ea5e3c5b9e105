import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, ConfigProvider, Flex, Layout, Menu, Typography } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import { useEffect, type ReactNode } from 'react';
import { ComingSoon } from '../components/ComingSoon';
import { KeyHint } from '../components/KeyHint';
import { requiredMark } from '../components/RequiredMark';
import { CockpitPage } from '../features/cockpit/CockpitPage';
import { CompaniesPage } from '../features/companies/CompaniesPage';
import { CompanyForm } from '../features/companies/CompanyForm';
import { CompanyPage } from '../features/companies/CompanyPage';
import { LedgerImportPage } from '../features/ledger/LedgerImportPage';
import { ProjectForm } from '../features/projects/ProjectForm';
import { ProjectPage } from '../features/projects/ProjectPage';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { ReportPage } from '../features/report/ReportPage';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { TeamLeadPage } from '../features/team/TeamLeadPage';
import { VisitForm } from '../features/visits/VisitForm';
import { VisitsPage } from '../features/visits/VisitsPage';
import { WeekLogPage } from '../features/weeklog/WeekLogPage';
import { useCommands } from '../lib/commands';
import { t } from '../lib/i18n';
import { useNav, type Area, type Place } from '../lib/nav';
import './app.css';
import { ROUTES } from './routes';
import { useGlobalShortcuts } from './shortcuts';

function Page({ place }: { place: Place }): ReactNode {
  switch (place.area) {
    case 'companies':
      return place.id ? <CompanyPage id={place.id} /> : <CompaniesPage />;
    case 'visits':
      return <VisitsPage />;
    case 'projects':
      return place.id ? <ProjectPage id={place.id} /> : <ProjectsPage />;
    case 'tasks':
      return <TasksPage />;
    case 'weeklog':
      return <WeekLogPage />;
    case 'sync':
      return <SyncPage />;
    case 'reports':
      return <ReportPage />;
    case 'cockpit':
      return <CockpitPage />;
    case 'team':
      return <TeamLeadPage />;
    case 'ledger':
      return <LedgerImportPage />;
    case 'settings':
      return <SettingsPage />;
    default:
      return <ComingSoon title={ROUTES.find((item) => item.key === place.area)?.label ?? ''} />;
  }
}

function Header() {
  const openVisitForm = useCommands((state) => state.openVisitForm);
  return (
    <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', padding: '0 24px', height: 56, lineHeight: '56px', position: 'sticky', top: 0, zIndex: 10 }}>
      <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
        <Flex align="center" gap={12}>
          <GlobalSearch />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <KeyHint>Ctrl+K</KeyHint> {t.search.label}
          </Typography.Text>
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => openVisitForm()} title={t.shortcuts.newVisitKeys}>
          {t.visit.add}
          <KeyHint>Alt+N</KeyHint>
        </Button>
      </Flex>
    </Layout.Header>
  );
}

export function App() {
  const place = useNav();
  useGlobalShortcuts();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [place.area, place.id]);

  // No space inserted between two-character button labels: 保存 must stay 保存 for screen readers.
  return (
    <ConfigProvider locale={zhCNLocale} button={{ autoInsertSpace: false }} form={{ requiredMark }} theme={{ token: { colorPrimary: '#1f5fa8', borderRadius: 4 } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
            <div style={{ padding: '16px 20px' }}>
              <Typography.Title level={4} style={{ margin: 0, color: '#1f5fa8' }}>
                {t.app.name}
              </Typography.Title>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.app.tagline}
              </Typography.Text>
            </div>
            <nav aria-label={t.nav.label}>
              <Menu
                mode="inline"
                selectedKeys={[place.area]}
                items={ROUTES.map((item) => ({ key: item.key, label: item.label }))}
                onClick={({ key }) => place.go(key as Area)}
                style={{ borderInlineEnd: 'none' }}
              />
            </nav>
          </Layout.Sider>
          <Layout>
            <Header />
            <Layout.Content style={{ padding: '20px 24px' }}>
              <main>
                <Page place={place} />
              </main>
            </Layout.Content>
            <Layout.Footer style={{ textAlign: 'center', padding: '8px 0', fontSize: 12, color: '#888' }}>
              {t.app.offlineReady} · {t.shortcuts.headerHint}
            </Layout.Footer>
          </Layout>
        </Layout>
        <CompanyForm />
        <VisitForm />
        <ProjectForm />
      </AntApp>
    </ConfigProvider>
  );
}
