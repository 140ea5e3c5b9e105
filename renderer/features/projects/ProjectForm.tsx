import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import type { ProjectRecord } from '../../../shared/contract';
import { formatYuan } from '../../../shared/domain/money';
import { AmountInput, amountRule } from '../../components/AmountInput';
import { CompanySelect } from '../../components/CompanySelect';
import { DateInput } from '../../components/DateInput';
import { FormDrawer, useOpenSession } from '../../components/FormDrawer';
import { useCommands, type ProjectFormRequest } from '../../lib/commands';
import { dataChanged } from '../../lib/data-version';
import { revalidateOnChange, showFieldErrors } from '../../lib/form-errors';
import { t } from '../../lib/i18n';
import { projectHref } from '../../lib/nav';
import { optionsOf, useReference } from '../../lib/reference-store';
import { errorMessage, rpc } from '../../lib/rpc';

interface Values {
  name?: string;
  companyId?: string;
  industry?: string;
  investment?: string;
  targetCity?: string;
  targetCounty?: string;
  targetPark?: string;
  startPlannedDate?: string | null;
  productionPlannedDate?: string | null;
  agreementNo?: string;
  expectedJobs?: number | null;
  expectedOutput?: string;
  notes?: string;
}

const FIELDS = ['name', 'companyId', 'industry', 'investment', 'targetCity', 'targetCounty', 'targetPark', 'startPlannedDate', 'productionPlannedDate', 'agreementNo', 'expectedJobs', 'expectedOutput', 'notes'] as const;

function initialValues(project: ProjectRecord | undefined, companyId: string | undefined): Values {
  if (!project) return { companyId };
  return {
    name: project.name,
    companyId: project.companyId,
    industry: project.industry ?? undefined,
    // Shown in the field's own unit: a bare number is 亿元 here, 万元 for output.
    investment: project.investmentYuan != null ? formatYuan(project.investmentYuan, '亿元') : undefined,
    targetCity: project.targetCity ?? undefined,
    targetCounty: project.targetCounty ?? undefined,
    targetPark: project.targetPark ?? undefined,
    startPlannedDate: project.startPlannedDate,
    productionPlannedDate: project.productionPlannedDate,
    agreementNo: project.agreementNo ?? undefined,
    expectedJobs: project.expectedJobs,
    expectedOutput: project.expectedOutputYuan != null ? formatYuan(project.expectedOutputYuan, '万元') : undefined,
    notes: project.notes ?? undefined,
  };
}

function toFields(values: Values) {
  return {
    name: values.name ?? '',
    industry: values.industry ?? null,
    investment: values.investment ?? null,
    targetCity: values.targetCity ?? null,
    targetCounty: values.targetCounty ?? null,
    targetPark: values.targetPark ?? null,
    startPlannedDate: values.startPlannedDate ?? null,
    productionPlannedDate: values.productionPlannedDate ?? null,
    agreementNo: values.agreementNo ?? null,
    expectedJobs: values.expectedJobs ?? null,
    expectedOutput: values.expectedOutput ?? null,
    notes: values.notes ?? null,
  };
}

/** 新增项目 / 编辑项目. 投资额 accepts 5亿, 50000万元 or 1.25 and shows what it parsed. */
export function ProjectForm() {
  const request = useCommands((state) => state.projectForm);
  const close = useCommands((state) => state.closeProjectForm);
  const session = useOpenSession(request !== null);
  return <ProjectFormDrawer key={session} request={request} close={close} />;
}

function ProjectFormDrawer({ request: live, close }: { request: ProjectFormRequest | null; close: () => void }) {
  // What the form was opened with stays put while the drawer animates closed.
  const [request] = useState(live);
  const editing = request?.project;
  const preset = request?.company ?? (editing ? { id: editing.companyId, name: editing.companyName } : null);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const reference = useReference();

  const onFinish = async (values: Values): Promise<void> => {
    setSaving(true);
    try {
      const fields = toFields(values);
      const project = editing ? await rpc('projects.update', { id: editing.id, patch: fields }) : await rpc('projects.create', { companyId: values.companyId ?? '', ...fields });
      message.success(t.project.saved(project.name));
      dataChanged('project', 'company');
      close();
      if (!editing) window.location.hash = projectHref(project.id).slice(1);
    } catch (error) {
      if (!showFieldErrors(form, error, { fields: FIELDS })) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDrawer<Values>
      name="project-form"
      title={editing ? t.project.edit : t.project.add}
      open={live !== null}
      form={form}
      saving={saving}
      onClose={close}
      onFinish={(values) => void onFinish(values)}
      onValuesChange={revalidateOnChange(form)}
      initialValues={initialValues(editing, request?.company?.id)}
      width={720}
    >
      <Form.Item name="name" label={t.project.name} rules={[{ required: true, whitespace: true, message: t.common.required(t.project.name) }]}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item name="companyId" label={t.project.company} rules={[{ required: true, message: t.common.choose(t.project.company) }]}>
            <CompanySelect preset={preset} disabled={Boolean(editing)} placeholder={t.visit.companyPlaceholder} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="industry" label={t.project.industry}>
            <Select allowClear showSearch placeholder={t.common.selectPlaceholder} options={optionsOf(reference.industries.items)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="investment" label={t.project.investment} rules={[amountRule('亿元')]} validateTrigger={['onChange', 'onBlur']}>
            <AmountInput defaultUnit="亿元" placeholder={t.project.investmentPlaceholder} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="agreementNo" label={t.project.agreementNo}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="targetCity" label={t.project.targetCity}>
            <Select allowClear showSearch placeholder={t.common.selectPlaceholder} options={optionsOf(reference.guizhouDivisions)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="targetCounty" label={t.project.targetCounty}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="targetPark" label={t.project.targetPark}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="startPlannedDate" label={t.project.startPlannedDate}>
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="productionPlannedDate" label={t.project.productionPlannedDate}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="expectedJobs" label={t.project.expectedJobs}>
            <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="expectedOutput" label={t.project.expectedOutput} rules={[amountRule('万元')]} validateTrigger={['onChange', 'onBlur']}>
            <AmountInput defaultUnit="万元" placeholder={t.project.expectedOutputPlaceholder} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t.project.notes} extra={t.common.textHint}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormDrawer>
  );
}
