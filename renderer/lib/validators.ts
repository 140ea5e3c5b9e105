import type { FormRule as Rule } from 'antd';
import type { Result } from '../../shared/domain/result';

/**
 * An antd rule from a shared domain validator (the same one the backend runs), checked
 * on blur and on save. Blank passes: whether a field is required is a separate rule.
 */
export function domainRule(validate: (input: string) => Result<unknown>): Rule {
  return {
    validateTrigger: 'onBlur',
    validator: async (_rule, value: unknown) => {
      if (value == null || (typeof value === 'string' && value.trim() === '')) return;
      const result = validate(String(value));
      if (!result.ok) throw new Error(result.message);
    },
  };
}

/** Form.Item props for a field checked on blur (and re-checked while typing once it shows an error). */
export const ON_BLUR: { validateTrigger: string[] } = { validateTrigger: ['onChange', 'onBlur'] };
