import { DatePicker, Flex, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CockpitFiltersInput } from '../../../shared/contract/cockpit';
import { useCockpit } from './cockpit-store';
import { COCKPIT_TEXT } from './text';

const T = COCKPIT_TEXT;
const day = (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null);

/** Period, team, member, industry and target city; every change recomputes the cockpit. */
export function FiltersBar() {
  const { filters, options, load } = useCockpit();
  const set = (patch: Partial<CockpitFiltersInput>) => void load(patch);
  const choices = (values: readonly string[] | undefined) => (values ?? []).map((value) => ({ value, label: value }));
  return (
    <Flex gap={12} wrap style={{ marginBottom: 12 }} className="qz-no-print" role="search" aria-label="驾驶舱筛选">
      <DatePicker.RangePicker
        aria-label={T.period}
        allowClear={false}
        value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
        onChange={(range) => set({ from: day(range?.[0] ?? null), to: day(range?.[1] ?? null) })}
        presets={[
          { label: '本年', value: [dayjs().startOf('year'), dayjs()] },
          { label: '近 12 个月', value: [dayjs().subtract(12, 'month').add(1, 'day'), dayjs()] },
          { label: '上一年', value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
        ]}
      />
      <Select aria-label={T.team} allowClear style={{ width: 160 }} placeholder={T.allTeams} value={filters.teamId ?? undefined} options={(options?.teams ?? []).map((team) => ({ value: team.id, label: team.label }))} onChange={(teamId?: string) => set({ teamId: teamId ?? null })} />
      <Select aria-label={T.member} allowClear showSearch optionFilterProp="label" style={{ width: 160 }} placeholder={T.allMembers} value={filters.ownerUserId ?? undefined} options={(options?.members ?? []).map((member) => ({ value: member.id, label: member.label }))} onChange={(ownerUserId?: string) => set({ ownerUserId: ownerUserId ?? null })} />
      <Select aria-label={T.industry} allowClear showSearch style={{ width: 180 }} placeholder={T.allIndustries} value={filters.industry ?? undefined} options={choices(options?.industries)} onChange={(industry?: string) => set({ industry: industry ?? null })} />
      <Select aria-label={T.city} allowClear showSearch style={{ width: 200 }} placeholder={T.allCities} value={filters.targetCity ?? undefined} options={choices(options?.cities)} onChange={(targetCity?: string) => set({ targetCity: targetCity ?? null })} />
    </Flex>
  );
}
