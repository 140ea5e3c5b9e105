import { Input, type InputProps } from 'antd';
import { formatYuanAuto, parseAmount, type AmountUnit } from '../../shared/domain/money';
import type { FormRule } from 'antd';
import { t } from '../lib/i18n';

export interface AmountInputProps extends Omit<InputProps, 'value' | 'onChange'> {
  value?: string | null;
  onChange?: (value: string) => void;
  /** The unit of a bare number: 亿元 for investment, 万元 for funds. */
  defaultUnit: AmountUnit;
}

/**
 * Money as people type it (`5亿`, `50000万元`, `1.25`), kept as text for the contract;
 * the value it parses to is shown inside the box as they type.
 */
export function AmountInput({ value, onChange, defaultUnit, ...rest }: AmountInputProps) {
  const parsed = parseAmount(value ?? '', defaultUnit);
  const preview = parsed.ok && parsed.value !== null ? t.project.parsed(formatYuanAuto(parsed.value)) : '';
  return (
    <Input
      autoComplete="off"
      {...rest}
      value={value ?? ''}
      onChange={(event) => onChange?.(event.target.value)}
      suffix={<span style={{ color: '#1f5fa8', fontSize: 12, minWidth: 24 }} aria-live="polite">{preview}</span>}
    />
  );
}

/** The same parse the backend runs, checked on blur and on save. */
export function amountRule(defaultUnit: AmountUnit): FormRule {
  return {
    validateTrigger: 'onBlur',
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const result = parseAmount(value, defaultUnit);
      if (!result.ok) throw new Error(result.message);
    },
  };
}
