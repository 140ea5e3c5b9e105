import { App, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import type { ContactRecord } from '../../../shared/contract';
import { validateEmail, validateMobile, validatePhone } from '../../../shared/domain/phone';
import { useOpenSession } from '../../components/FormDrawer';
import { FormModal } from '../../components/FormModal';
import { dataChanged } from '../../lib/data-version';
import { revalidateOnChange, showFieldErrors } from '../../lib/form-errors';
import { t } from '../../lib/i18n';
import { errorMessage, rpc } from '../../lib/rpc';
import { domainRule, ON_BLUR } from '../../lib/validators';

interface Values {
  name: string;
  title?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  notes?: string;
}

const FIELDS = ['name', 'title', 'mobile', 'phone', 'email', 'wechat', 'notes'] as const;

export interface ContactFormProps {
  companyId: string;
  /** null: closed · 'new' · a contact to edit. */
  target: ContactRecord | 'new' | null;
  onClose: () => void;
}

/** 新增联系人 / 编辑联系人. A bad 手机 is refused beside the field (here, and again by the backend). */
export function ContactForm(props: ContactFormProps) {
  const session = useOpenSession(props.target !== null);
  return <ContactFormModal key={session} {...props} />;
}

function ContactFormModal({ companyId, target: live, onClose }: ContactFormProps) {
  const [target] = useState(live);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const editing = target !== null && target !== 'new' ? target : null;

  const onFinish = async (values: Values): Promise<void> => {
    setSaving(true);
    const fields = {
      name: values.name,
      title: values.title ?? null,
      mobile: values.mobile ?? null,
      phone: values.phone ?? null,
      email: values.email ?? null,
      wechat: values.wechat ?? null,
      notes: values.notes ?? null,
    };
    try {
      const contact = editing ? await rpc('contacts.update', { id: editing.id, patch: fields }) : await rpc('contacts.create', { companyId, ...fields });
      message.success(t.contact.saved(contact.name));
      dataChanged('contact', 'company');
      onClose();
    } catch (error) {
      if (!showFieldErrors(form, error, { fields: FIELDS })) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal<Values>
      name="contact-form"
      title={editing ? t.contact.edit : t.contact.add}
      open={live !== null}
      form={form}
      saving={saving}
      onClose={onClose}
      onFinish={(values) => void onFinish(values)}
      onValuesChange={revalidateOnChange(form)}
      initialValues={
        editing
          ? {
              name: editing.name,
              title: editing.title ?? undefined,
              mobile: editing.mobile ?? undefined,
              phone: editing.phone ?? undefined,
              email: editing.email ?? undefined,
              wechat: editing.wechat ?? undefined,
              notes: editing.notes ?? undefined,
            }
          : {}
      }
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t.contact.name} rules={[{ required: true, whitespace: true, message: t.common.required(t.contact.name) }]}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="title" label={t.contact.title}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="mobile" label={t.contact.mobile} {...ON_BLUR} rules={[domainRule(validateMobile)]}>
            <Input maxLength={20} placeholder={t.contact.mobilePlaceholder} autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t.contact.phone} {...ON_BLUR} rules={[domainRule(validatePhone)]}>
            <Input maxLength={30} placeholder={t.contact.phonePlaceholder} autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="email" label={t.contact.email} {...ON_BLUR} rules={[domainRule(validateEmail)]}>
            <Input maxLength={254} autoComplete="off" inputMode="email" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="wechat" label={t.contact.wechat}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t.contact.notes}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
