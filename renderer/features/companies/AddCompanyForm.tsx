import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { RpcError } from '../../../shared/rpc-client';
import { t } from '../../lib/i18n';
import { errorMessage } from '../../lib/rpc';
import { useCompanies } from './company-store';

interface Values {
  name: string;
}

export function AddCompanyForm() {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const create = useCompanies((state) => state.create);
  const { message } = App.useApp();

  const onFinish = async ({ name }: Values) => {
    setSaving(true);
    try {
      const company = await create(name);
      message.success(t.company.saved(company.name));
      form.resetFields();
    } catch (error) {
      // Field-level errors from the backend go beside the field; the rest as a toast.
      const detail = error instanceof RpcError ? error.details.find((item) => item.path === 'name') : undefined;
      if (detail) form.setFields([{ name: 'name', errors: [detail.message] }]);
      else message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form form={form} layout="inline" onFinish={onFinish} aria-label={t.company.add} style={{ marginBottom: 16 }}>
      <Form.Item name="name" label={t.company.name} rules={[{ required: true, whitespace: true, message: t.company.nameRequired }]}>
        <Input placeholder={t.company.namePlaceholder} maxLength={200} style={{ width: 360 }} autoComplete="off" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t.common.save}
        </Button>
      </Form.Item>
    </Form>
  );
}
