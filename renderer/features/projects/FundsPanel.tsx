import { App, Button, Col, Form, Input, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import type { FundsEntryRecord, ProjectDetail } from '../../../shared/contract';
import { parseAmount } from '../../../shared/domain/money';
import { AmountInput, amountRule } from '../../components/AmountInput';
import { DateInput } from '../../components/DateInput';
import { dataChanged } from '../../lib/data-version';
import { todayIso } from '../../lib/dates';
import { revalidateOnChange, showFieldErrors } from '../../lib/form-errors';
import { money, text } from '../../lib/format';
import { t } from '../../lib/i18n';
import { errorMessage, rpc } from '../../lib/rpc';
import { useSoftDelete } from '../../lib/soft-delete';

interface Values {
  entryDate?: string | null;
  amount?: string;
  note?: string;
}

const FIELDS = ['entryDate', 'amount', 'note'] as const;

/** 到位资金: dated entries with a running total, and a one-line form to add one. */
export function FundsPanel({ detail, onChanged }: { detail: ProjectDetail; onChanged: (detail: ProjectDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const softDelete = useSoftDelete();

  const onFinish = async (values: Values): Promise<void> => {
    setSaving(true);
    try {
      const next = await rpc('projects.addFunds', { projectId: detail.project.id, entryDate: values.entryDate ?? '', amount: values.amount ?? null, note: values.note ?? null });
      const parsed = parseAmount(values.amount ?? '', '万元');
      message.success(t.funds.saved(parsed.ok ? money(parsed.value) : (values.amount ?? '')));
      form.resetFields(['amount', 'note']);
      onChanged(next);
      dataChanged('project');
    } catch (error) {
      if (!showFieldErrors(form, error, { fields: FIELDS })) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Typography.Paragraph>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t.funds.total(money(detail.project.fundsInPlaceYuan))}
        </Typography.Text>
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        name="funds-form"
        layout="vertical"
        initialValues={{ entryDate: todayIso() }}
        onFinish={(values) => void onFinish(values)}
        onValuesChange={revalidateOnChange(form)}
        aria-label={t.funds.add}
      >
        <Row gutter={8} align="bottom">
          <Col flex="140px">
            <Form.Item name="entryDate" label={t.funds.entryDate} rules={[{ required: true, message: t.common.choose(t.funds.entryDate) }]}>
              <DateInput allowClear={false} />
            </Form.Item>
          </Col>
          <Col flex="170px">
            <Form.Item name="amount" label={t.funds.amount} rules={[{ required: true, whitespace: true, message: t.common.required(t.funds.amount) }, amountRule('万元')]} validateTrigger={['onChange', 'onBlur']}>
              <AmountInput defaultUnit="万元" placeholder={t.funds.amountPlaceholder} />
            </Form.Item>
          </Col>
          <Col flex="1 1 100px">
            <Form.Item name="note" label={t.funds.note}>
              <Input maxLength={500} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col flex="none">
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t.common.add}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Table<FundsEntryRecord>
        aria-label={t.funds.title}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.funds}
        locale={{ emptyText: t.funds.empty }}
        columns={[
          { title: t.funds.entryDate, dataIndex: 'entryDate', width: 120 },
          { title: t.funds.amount, dataIndex: 'amountYuan', width: 140, align: 'right', render: money },
          { title: t.funds.runningTotal, dataIndex: 'runningTotalYuan', width: 140, align: 'right', render: money },
          { title: t.funds.note, dataIndex: 'note', render: text },
          {
            title: t.common.actions,
            key: 'actions',
            width: 80,
            render: (_: unknown, entry) => (
              <Button type="link" size="small" danger onClick={() => void softDelete('funds_entry', entry.id, t.funds.what(entry.entryDate, money(entry.amountYuan)))}>
                {t.common.delete}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
