import { App, Col, Form, Input, Row } from 'antd';
import { useState } from 'react';
import type { ProjectDetail, ProjectRecord } from '../../../shared/contract';
import { STAGE_LABELS, type Stage } from '../../../shared/domain/stages';
import { AmountInput, amountRule } from '../../components/AmountInput';
import { DateInput } from '../../components/DateInput';
import { useOpenSession } from '../../components/FormDrawer';
import { FormModal } from '../../components/FormModal';
import { dataChanged } from '../../lib/data-version';
import { revalidateOnChange, showFieldErrors } from '../../lib/form-errors';
import { t } from '../../lib/i18n';
import { errorMessage, rpc } from '../../lib/rpc';
import { initialMoveValues, needsFor, stageErrorFields, type MoveValues } from './stage-move';

const FIELDS = ['movedOn', 'signedDate', 'signedAmount', 'startDate', 'productionDate', 'reason'] as const;

export interface StageMoveFormProps {
  project: ProjectRecord;
  /** The stage the user clicked; null when closed. */
  to: Stage | null;
  onClose: () => void;
  onMoved: (detail: ProjectDetail) => void;
}

/**
 * Asks for what a stage move needs (签约: date and amount; 开工, 投产: actual dates; a
 * move back: the reason). The backend decides; its refusal is shown beside the field.
 */
export function StageMoveForm(props: StageMoveFormProps) {
  const session = useOpenSession(props.to !== null);
  return <StageMoveModal key={session} {...props} />;
}

function StageMoveModal({ project, to: live, onClose, onMoved }: StageMoveFormProps) {
  const [to] = useState(live);
  const [form] = Form.useForm<MoveValues>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const needs = to ? needsFor(project.stage, to) : null;

  const onFinish = async (values: MoveValues): Promise<void> => {
    if (!to || !needs) return;
    setSaving(true);
    try {
      const detail = await rpc('projects.moveStage', {
        id: project.id,
        to,
        movedOn: values.movedOn ?? null,
        signedDate: needs.signed ? (values.signedDate ?? null) : undefined,
        signedAmount: needs.signed ? (values.signedAmount ?? null) : undefined,
        startDate: needs.started ? (values.startDate ?? null) : undefined,
        productionDate: needs.producing ? (values.productionDate ?? null) : undefined,
        reason: values.reason ?? null,
      });
      message.success(t.stageMove.moved(STAGE_LABELS[to]));
      dataChanged('project', 'company');
      onMoved(detail);
      onClose();
    } catch (error) {
      const shown = showFieldErrors(form, error, { fields: FIELDS, codeFields: stageErrorFields(() => form.getFieldsValue()) });
      if (!shown) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal<MoveValues>
      name="stage-move-form"
      title={to ? t.stageMove.title(STAGE_LABELS[project.stage], STAGE_LABELS[to]) : ''}
      open={live !== null}
      form={form}
      saving={saving}
      okText={t.stageMove.submit}
      onClose={onClose}
      onFinish={(values) => void onFinish(values)}
      onValuesChange={revalidateOnChange(form)}
      initialValues={initialMoveValues(project)}
    >
      {needs?.signed && (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="signedDate" label={t.project.signedDate} required>
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signedAmount" label={t.project.signedAmount} required rules={[amountRule('亿元')]} validateTrigger={['onChange', 'onBlur']}>
              <AmountInput defaultUnit="亿元" placeholder={t.stageMove.signedAmountPlaceholder} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {(needs?.started || needs?.producing) && (
        <Row gutter={16}>
          {needs.started && (
            <Col span={12}>
              <Form.Item name="startDate" label={t.project.startDate} required>
                <DateInput />
              </Form.Item>
            </Col>
          )}
          {needs.producing && (
            <Col span={12}>
              <Form.Item name="productionDate" label={t.project.productionDate} required>
                <DateInput />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="movedOn" label={t.stageMove.movedOn}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label={t.stageMove.reason} required={needs?.reason === 'required'}>
        <Input.TextArea rows={2} maxLength={500} placeholder={t.stageMove.reasonPlaceholder} />
      </Form.Item>
    </FormModal>
  );
}
