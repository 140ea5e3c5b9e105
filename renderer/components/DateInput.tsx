import { DatePicker } from 'antd';
import type { ComponentProps } from 'react';
import { dayjsFromIso, isoFromDayjs, ISO_DATE } from '../lib/dates';

type PickerProps = Omit<ComponentProps<typeof DatePicker>, 'value' | 'onChange' | 'format'>;

export interface DateInputProps extends PickerProps {
  /** A calendar date as `YYYY-MM-DD`, the way the contract carries it. */
  value?: string | null;
  onChange?: (value: string | null) => void;
}

/**
 * A date picker whose value is an ISO date string, so forms hold what the contract
 * expects. Typing `2026-03-01` and Enter works as well as clicking; that Enter only
 * confirms the date and never saves the form (Ctrl+Enter does). The id Form.Item
 * passes in lands on the input, which ties the input to its label.
 */
export function DateInput({ value, onChange, onKeyDown, ...rest }: DateInputProps) {
  return (
    <DatePicker
      {...rest}
      onKeyDown={(event, preventPicker) => {
        if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) event.preventDefault();
        onKeyDown?.(event, preventPicker);
      }}
      format={ISO_DATE}
      value={dayjsFromIso(value)}
      onChange={(next) => onChange?.(isoFromDayjs(Array.isArray(next) ? next[0] : next))}
      style={{ width: '100%', ...rest.style }}
    />
  );
}
