import { Button, Form, Modal, type FormInstance } from 'antd';
import type { KeyboardEvent, ReactNode } from 'react';
import { t } from '../lib/i18n';
import { focusFirstField, useFocusOnOpen } from './FormDrawer';

export interface FormModalProps<V> {
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
  okText?: string;
  width?: number;
  children: ReactNode;
}

/** A small form in a dialog: first field focused, Enter saves, Esc closes. */
export function FormModal<V>({ name, title, open, form, saving, onClose, onFinish, onValuesChange, initialValues, okText, width = 560, children }: FormModalProps<V>) {
  useFocusOnOpen(open, name);
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      width={width}
      destroyOnHidden
      afterOpenChange={(visible) => visible && focusFirstField(name)}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t.common.cancel}
        </Button>,
        <Button key="ok" type="primary" htmlType="submit" form={name} loading={saving}>
          {okText ?? t.common.save}
        </Button>,
      ]}
    >
      <Form<V> form={form} name={name} layout="vertical" onFinish={onFinish} onValuesChange={onValuesChange} initialValues={initialValues} onKeyDown={onKeyDown}>
        {children}
      </Form>
    </Modal>
  );
}
