import { Select, Spin, type SelectProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { t } from '../lib/i18n';
import { rpc } from '../lib/rpc';

export interface CompanyOption {
  id: string;
  name: string;
}

export interface CompanySelectProps extends Omit<SelectProps<string>, 'value' | 'onChange' | 'options' | 'showSearch'> {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The company already chosen (e.g. preset from the company page), so its name shows at once. */
  preset?: CompanyOption | null;
  onCompanyChange?: (company: CompanyOption | null) => void;
}

const DEBOUNCE_MS = 150;

/**
 * Choose a company by typing any part of its name, its pinyin or initials. Empty input
 * lists the recently updated companies.
 */
export function CompanySelect({ value, onChange, preset, onCompanyChange, ...rest }: CompanySelectProps) {
  const [found, setFound] = useState<CompanyOption[]>([]);
  const [chosen, setChosen] = useState<CompanyOption | null>(preset ?? null);
  const [searching, setSearching] = useState(false);
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (preset) setChosen(preset);
  }, [preset]);

  const search = (query: string): void => {
    clearTimeout(timer.current);
    const mine = ++latest.current;
    setSearching(true);
    timer.current = setTimeout(async () => {
      try {
        const companies =
          query.trim() === ''
            ? (await rpc('companies.list', { limit: 30, sort: 'updatedAt' })).items.map((item) => ({ id: item.id, name: item.name }))
            : (await rpc('search.query', { q: query, limit: 50 })).items
                .filter((hit) => hit.kind === 'company')
                .map((hit) => ({ id: hit.id, name: hit.title }));
        if (mine === latest.current) setFound(companies);
      } catch {
        if (mine === latest.current) setFound([]);
      } finally {
        if (mine === latest.current) setSearching(false);
      }
    }, DEBOUNCE_MS);
  };

  useEffect(() => () => clearTimeout(timer.current), []);

  const known = chosen && chosen.id === value ? [chosen] : [];
  const options = [...known, ...found.filter((item) => item.id !== chosen?.id)].map((item) => ({ value: item.id, label: item.name }));

  return (
    <Select<string>
      {...rest}
      value={value ?? undefined}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: search }}
      onOpenChange={(open) => open && found.length === 0 && search('')}
      notFoundContent={searching ? <Spin size="small" /> : t.search.empty}
      onChange={(id) => {
        const company = [...known, ...found].find((item) => item.id === id) ?? null;
        setChosen(company);
        onChange?.(id ?? null);
        onCompanyChange?.(company);
      }}
    />
  );
}
