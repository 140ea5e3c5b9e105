import type { FormInstance } from 'antd';
import { RpcError } from '../../shared/rpc-client';

type Path = (string | number)[];

export interface FieldErrorOptions {
  /** Top-level form field names that exist in this form. */
  fields: readonly string[];
  /** A refusal without a field path (e.g. a stage rule) and the field it belongs beside. */
  codeFields?: Readonly<Record<string, string | string[] | ((error: RpcError) => string | string[])>>;
}

/** `patch.trip.startDate` → ['trip', 'startDate']; `participants.2` → ['participants']. */
function formPath(path: string): Path {
  const parts = path.split('.').filter((part) => part !== '');
  if (parts[0] === 'patch') parts.shift();
  const index = parts.findIndex((part) => /^\d+$/.test(part));
  return index >= 0 ? parts.slice(0, index) : parts;
}

/**
 * Puts the backend's refusal beside the field it is about. Returns false when no
 * field fits, so the caller shows it as a message instead.
 */
export function showFieldErrors(form: FormInstance, error: unknown, options: FieldErrorOptions): boolean {
  if (!(error instanceof RpcError)) return false;
  const byField = new Map<string, { name: Path; errors: string[] }>();
  const add = (name: Path, message: string): void => {
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    byField.set(key, entry);
  };
  for (const detail of error.details) {
    const name = formPath(detail.path);
    if (name.length > 0 && options.fields.includes(String(name[0]))) add(name, detail.message);
  }
  if (byField.size === 0) {
    const target = options.codeFields?.[error.code];
    const fields = typeof target === 'function' ? target(error) : target;
    for (const field of typeof fields === 'string' ? [fields] : (fields ?? [])) add([field], error.details[0]?.message ?? error.message);
  }
  if (byField.size === 0) return false;
  form.setFields([...byField.values()].map(({ name, errors }) => ({ name, errors })));
  form.scrollToField([...byField.values()][0]!.name, { block: 'center' });
  return true;
}

/**
 * "Punish late, reward early": rules run on blur and on save; once a field shows an
 * error (its own or the backend's), it is checked again on every keystroke so the
 * message disappears as soon as the value is right.
 */
export function revalidateOnChange(form: FormInstance) {
  return (changed: Record<string, unknown>): void => {
    const paths: Path[] = [];
    for (const [key, value] of Object.entries(changed)) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype) {
        for (const sub of Object.keys(value)) paths.push([key, sub]);
      } else {
        paths.push([key]);
      }
    }
    const withErrors = paths.filter((path) => form.getFieldError(path).length > 0);
    if (withErrors.length > 0) form.validateFields(withErrors).catch(() => undefined);
  };
}
