import { App as AntApp, ConfigProvider, Layout, Menu, Typography } from 'antd';
import zhCNLocale from 'antd/locale/zh_CN';
import { ComingSoon } from '../components/ComingSoon';
import { CompaniesPage } from '../features/companies/CompaniesPage';
import { t } from '../lib/i18n';
import { useNav } from './nav-store';
import { ROUTES, type RouteKey } from './routes';

function Page({ route }: { route: RouteKey }) {
  switch (route) {
    case 'companies':
      return <CompaniesPage />;
    default:
      return <ComingSoon title={ROUTES.find((item) => item.key === route)?.label ?? ''} />;
  }
}

export function App() {
  const { route, go } = useNav();
  // No space inserted between two-character button labels: 保存 must stay 保存 for screen readers.
  return (
    <ConfigProvider locale={zhCNLocale} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1f5fa8', borderRadius: 4 } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
            <div style={{ padding: '16px 20px' }}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {t.app.name}
              </Typography.Title>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.app.tagline}
              </Typography.Text>
            </div>
            <nav aria-label="主导航">
              <Menu
                mode="inline"
                selectedKeys={[route]}
                items={ROUTES.map((item) => ({ key: item.key, label: item.label }))}
                onClick={({ key }) => go(key as RouteKey)}
              />
            </nav>
          </Layout.Sider>
          <Layout>
            <Layout.Content style={{ padding: 24 }}>
              <main>
                <Page route={route} />
              </main>
            </Layout.Content>
            <Layout.Footer style={{ textAlign: 'center', padding: '8px 0', fontSize: 12, color: '#888' }}>{t.app.offlineReady}</Layout.Footer>
          </Layout>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
