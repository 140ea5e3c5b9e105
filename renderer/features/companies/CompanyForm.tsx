import { App, Checkbox, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CompanyInput, CompanyRecord } from '../../../shared/contract';
import { validateCreditCode } from '../../../shared/domain/credit-code';
import { COMPANY_SCALES, type CompanyScale } from '../../../shared/domain/reference';
import { RpcError } from '../../../shared/rpc-client';
import { FormDrawer, useOpenSession } from '../../components/FormDrawer';
import { useCommands, type CompanyFormRequest } from '../../lib/commands';
import { dataChanged } from '../../lib/data-version';
import { revalidateOnChange, showFieldErrors } from '../../lib/form-errors';
import { t } from '../../lib/i18n';
import { companyHref } from '../../lib/nav';
import { optionsOf, useReference } from '../../lib/reference-store';
import { errorMessage, rpc } from '../../lib/rpc';
import { domainRule, ON_BLUR } from '../../lib/validators';
import { useCompanyList } from './company-list-store';
import { useDuplicateCheck } from './use-duplicate-check';

interface Values {
  name: string;
  creditCode?: string;
  aliases: string[];
  industry?: string;
  district?: string;
  address?: string;
  scale?: CompanyScale;
  isFortune500: boolean;
  isListed: boolean;
  leadSource?: string;
  tags: string[];
  notes?: string;
}

const FIELDS = ['name', 'creditCode', 'aliases', 'industry', 'district', 'address', 'scale', 'isFortune500', 'isListed', 'leadSource', 'tags', 'notes'] as const;

function initialValues(company: CompanyRecord | undefined): Partial<Values> {
  if (!company) return { aliases: [], tags: [], isFortune500: false, isListed: false };
  return {
    name: company.name,
    creditCode: company.creditCode ?? undefined,
    aliases: company.aliases,
    industry: company.industry ?? undefined,
    district: company.district ?? undefined,
    address: company.address ?? undefined,
    scale: company.scale ?? undefined,
    isFortune500: company.isFortune500,
    isListed: company.isListed,
    leadSource: company.leadSource ?? undefined,
    tags: company.tags,
    notes: company.notes ?? undefined,
  };
}

/** Cleared fields are sent as null so an edit can empty them. */
function toInput(values: Values): CompanyInput {
  return {
    name: values.name,
    creditCode: values.creditCode ?? null,
    aliases: values.aliases ?? [],
    industry: values.industry ?? null,
    district: values.district ?? null,
    address: values.address ?? null,
    scale: values.scale ?? null,
    isFortune500: values.isFortune500 ?? false,
    isListed: values.isListed ?? false,
    leadSource: values.leadSource ?? null,
    tags: values.tags ?? [],
    notes: values.notes ?? null,
  };
}

/** A conflict on the credit code: the company that already has it. */
interface CodeConflict {
  id: string | null;
  message: string;
}

/** 新增企业 / 编辑企业, with live duplicate hints. Opened through the command store. */
export function CompanyForm() {
  const request = useCommands((state) => state.companyForm);
  const close = useCommands((state) => state.closeCompanyForm);
  const session = useOpenSession(request !== null);
  return <CompanyFormDrawer key={session} request={request} close={close} />;
}

function CompanyFormDrawer({ request: live, close }: { request: CompanyFormRequest | null; close: () => void }) {
  // What the form was opened with stays put while the drawer animates closed.
  const [request] = useState(live);
  const editing = request?.company;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [savedConflict, setSavedConflict] = useState<CodeConflict | null>(null);
  const { message, modal } = App.useApp();
  const reference = useReference();

  const name = Form.useWatch('name', form);
  const creditCode = Form.useWatch('creditCode', form);
  const { result } = useDuplicateCheck(name, creditCode, editing?.id);
  const liveConflict: CodeConflict | null = result.sameCode ? { id: result.sameCode.id, message: t.company.duplicateCode(result.sameCode.name) } : null;
  const conflict = liveConflict ?? savedConflict;

  const onClose = (): void => {
    setSavedConflict(null);
    close();
  };

  const save = async (values: Values, confirmSimilarName: boolean): Promise<void> => {
    setSaving(true);
    try {
      const input = toInput(values);
      const company = editing
        ? await rpc('companies.update', { id: editing.id, patch: input, confirmSimilarName })
        : await rpc('companies.create', { ...input, confirmSimilarName });
      message.success(t.company.saved(company.name));
      // Shown at once; the reload that dataChanged triggers then brings the list up to date.
      if (editing) useCompanyList.getState().replace(company);
      else useCompanyList.getState().prepend(company);
      dataChanged('company');
      onClose();
    } catch (error) {
      if (error instanceof RpcError && error.code === 'E_COMPANY_SIMILAR_NAME') {
        const names = result.similarNames.map((item) => `“${item.name}”`).join('、');
        modal.confirm({
          title: t.company.similarTitle,
          content: names ? t.company.similarBody(names) : error.message,
          okText: t.company.similarOk,
          cancelText: t.common.cancel,
          onOk: () => save(values, true),
        });
      } else if (error instanceof RpcError && error.code === 'E_COMPANY_DUPLICATE_CODE') {
        setSavedConflict({ id: error.details[0]?.refId ?? null, message: error.details[0]?.message ?? error.message });
      } else if (!showFieldErrors(form, error, { fields: FIELDS })) {
        message.error(errorMessage(error));
      }
    } finally {
      setSaving(false);
    }
  };

  const onFinish = (values: Values): void => {
    if (conflict) {
      form.scrollToField('creditCode');
      return;
    }
    void save(values, false);
  };

  const onValuesChange = (changed: Record<string, unknown>): void => {
    if ('creditCode' in changed) setSavedConflict(null);
    revalidateOnChange(form)(changed);
  };

  const similar = result.similarNames;
  const openExisting = (): void => onClose();

  return (
    <FormDrawer<Values>
      name="company-form"
      title={editing ? t.company.edit : t.company.add}
      open={live !== null}
      form={form}
      saving={saving}
      onClose={onClose}
      onFinish={onFinish}
      onValuesChange={onValuesChange}
      initialValues={initialValues(editing)}
      width={680}
    >
      <Form.Item
        name="name"
        label={t.company.name}
        rules={[{ required: true, whitespace: true, message: t.company.nameRequired }]}
        extra={
          similar.length > 0 && (
            <Typography.Text type="warning" role="status">
              {t.company.similarNames}
              {similar.map((item, index) => (
                <span key={item.id}>
                  {index > 0 && '、'}
                  <a href={companyHref(item.id)} onClick={openExisting}>
                    {item.name}
                  </a>
                </span>
              ))}
            </Typography.Text>
          )
        }
      >
        <Input placeholder={t.company.namePlaceholder} maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t.company.creditCode}
        {...ON_BLUR}
        rules={[domainRule(validateCreditCode)]}
        {...(conflict && {
          validateStatus: 'error' as const,
          help: (
            <span role="alert">
              {conflict.message}
              {conflict.id && (
                <a href={companyHref(conflict.id)} onClick={openExisting} style={{ marginLeft: 8 }}>
                  {t.company.viewExisting}
                </a>
              )}
            </span>
          ),
        })}
      >
        <Input placeholder={t.company.creditCodePlaceholder} maxLength={40} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="industry" label={t.company.industry}>
            <Select allowClear showSearch placeholder={t.common.selectPlaceholder} options={optionsOf(reference.industries.items)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="district" label={t.company.district}>
            <Select
              allowClear
              showSearch
              placeholder={t.common.selectPlaceholder}
              options={[
                { label: t.company.shenzhenGroup, options: optionsOf(reference.shenzhenDistricts) },
                { label: t.company.guangdongGroup, options: optionsOf(reference.guangdongCities.filter((city) => city !== '深圳市')) },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t.company.address}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="scale" label={t.company.scale}>
            <Select allowClear placeholder={t.common.selectPlaceholder} options={COMPANY_SCALES.map((item) => ({ value: item.code, label: item.label }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t.company.flags}>
            <Space size="large">
              <Form.Item name="isFortune500" valuePropName="checked" noStyle>
                <Checkbox>{t.company.isFortune500}</Checkbox>
              </Form.Item>
              <Form.Item name="isListed" valuePropName="checked" noStyle>
                <Checkbox>{t.company.isListed}</Checkbox>
              </Form.Item>
            </Space>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="aliases" label={t.company.aliases}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} placeholder={t.common.listPlaceholder} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="leadSource" label={t.company.leadSource}>
            <Input maxLength={100} placeholder={t.company.leadSourcePlaceholder} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="tags" label={t.company.tags}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} placeholder={t.common.listPlaceholder} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t.company.notes} extra={t.common.textHint}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormDrawer>
  );
}
