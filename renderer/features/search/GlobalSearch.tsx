import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Flex, Spin, Typography } from 'antd';
import { useRef } from 'react';
import type { SearchHit } from '../../../shared/contract';
import { t } from '../../lib/i18n';
import { useNav } from '../../lib/nav';
import { useSearch } from './use-search';

/** The element Ctrl+K and / focus. */
export const GLOBAL_SEARCH_ID = 'global-search';

const GROUPS: SearchHit['kind'][] = ['company', 'contact', 'project'];

/** One search box for companies, contacts and projects; Enter or a click opens the company. */
export function GlobalSearch() {
  const { query, hits, searching, search, clear } = useSearch();
  const go = useNav((state) => state.go);
  const byValue = useRef(new Map<string, SearchHit>());

  byValue.current = new Map(hits.map((hit) => [`${hit.kind}:${hit.id}`, hit]));
  const options = GROUPS.map((kind) => ({
    label: t.search.groups[kind],
    options: hits
      .filter((hit) => hit.kind === kind)
      .map((hit) => ({
        value: `${hit.kind}:${hit.id}`,
        label: (
          <Flex justify="space-between" gap={12}>
            <Typography.Text ellipsis>{hit.title}</Typography.Text>
            {hit.subtitle && (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220, fontSize: 12 }}>
                {hit.subtitle}
              </Typography.Text>
            )}
          </Flex>
        ),
      })),
  })).filter((group) => group.options.length > 0);

  const open = (value: string): void => {
    const hit = byValue.current.get(value);
    if (!hit) return;
    clear();
    (document.getElementById(GLOBAL_SEARCH_ID) as HTMLInputElement | null)?.blur();
    go('companies', hit.companyId);
  };

  return (
    <AutoComplete
      id={GLOBAL_SEARCH_ID}
      aria-label={t.search.label}
      value={query}
      options={options}
      showSearch={{ filterOption: false, onSearch: search }}
      onSelect={(value: string) => open(value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          clear();
          (event.target as HTMLInputElement).blur();
        }
      }}
      placeholder={t.search.placeholder}
      prefix={<SearchOutlined style={{ color: '#8c8c8c' }} />}
      suffixIcon={searching ? <Spin size="small" /> : null}
      notFoundContent={query.trim() !== '' && !searching ? t.search.empty : null}
      defaultActiveFirstOption
      popupMatchSelectWidth={520}
      style={{ width: 420 }}
      allowClear
    />
  );
}
