import { Tabs } from 'antd';
import { useState } from 'react';
import { weeklogUi } from '../../../shared/weeklog/ui.zh-CN';
import { PageHeader } from '../../components/PageHeader';
import { useDataVersionOf } from '../../lib/data-version';
import { DevicesPanel, ImportHistoryPanel } from './DevicesPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { ImportPanel } from './ImportPanel';

const text = weeklogUi.team;
type TabKey = 'import' | 'duplicates' | 'devices' | 'history';

/** 组长工作台: members' weekly logs in, duplicates merged, devices and imports on record. */
export function TeamLeadPage() {
  const [tab, setTab] = useState<TabKey>('import');
  // Panels reload when records change (an import, a merge) or when shown again.
  const version = useDataVersionOf('company', 'visit');
  return (
    <>
      <PageHeader title={text.title} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TabKey)}
        destroyOnHidden
        items={[
          { key: 'import', label: text.tabs.import, children: <ImportPanel active={tab === 'import'} /> },
          { key: 'duplicates', label: text.tabs.duplicates, children: <DuplicatesPanel /> },
          { key: 'devices', label: text.tabs.devices, children: <DevicesPanel refresh={version} /> },
          { key: 'history', label: text.tabs.history, children: <ImportHistoryPanel refresh={version} /> },
        ]}
      />
    </>
  );
}
