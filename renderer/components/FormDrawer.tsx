import { Button, Drawer, Flex, Form, Space, Typography, type FormInstance } from 'antd';
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../lib/i18n';

export interface FormDrawerProps<V> {
  /** Also the form's id: field ids become `<name>_<field>`. */
  name: string;
  title: ReactNode;
  open: boolean;
  form: FormInstance<V>;
  saving: boolean;
  onClose: () => void;
  onFinish: (values: V) => void;
  onValuesChange?: (changed: Record<string, unknown>, all: V) => void;
  initialValues?: Partial<V>;
  width?: number;
  children: ReactNode;
}

/** Focuses the form's first field unless the user is already in the form: type at once, no mouse. */
export function focusFirstField(formId: string): void {
  const form = document.getElementById(formId);
  if (!form || form.contains(document.activeElement)) return;
  const field = form.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]):not([readonly]), textarea:not([disabled])');
  field?.focus();
}

/**
 * A number that changes each time `open` turns true. Key the form component with it:
 * antd keeps a form's values in its store across a close, and a new session must start
 * from the new initial values, not from what was typed last time.
 */
export function useOpenSession(open: boolean): number {
  const [session, setSession] = useState(0);
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setSession(session + 1);
  }
  return session;
}

/**
 * Focus as soon as the form is in the DOM (the dialog first takes focus itself, so wait
 * one tick), and again once the opening animation ends, in case focus was moved meanwhile.
 */
export function useFocusOnOpen(open: boolean, formId: string): void {
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => focusFirstField(formId), 0);
    return () => clearTimeout(timer);
  }, [open, formId]);
}

/**
 * A form in a side drawer: first field focused on open, Enter (or Ctrl+Enter in
 * multi-line text) saves, Esc closes. The 保存 button sits in the footer but belongs to
 * the form (HTML `form` attribute), so implicit submission with Enter works.
 */
export function FormDrawer<V>({ name, title, open, form, saving, onClose, onFinish, onValuesChange, initialValues, width = 640, children }: FormDrawerProps<V>) {
  useFocusOnOpen(open, name);
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={width}
      destroyOnHidden
      afterOpenChange={(visible) => visible && focusFirstField(name)}
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.common.formHint}
          </Typography.Text>
          <Space>
            <Button onClick={onClose}>{t.common.cancel}</Button>
            <Button type="primary" htmlType="submit" form={name} loading={saving}>
              {t.common.save}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Form<V> form={form} name={name} layout="vertical" onFinish={onFinish} onValuesChange={onValuesChange} initialValues={initialValues} onKeyDown={onKeyDown} scrollToFirstError>
        {children}
      </Form>
    </Drawer>
  );
}
