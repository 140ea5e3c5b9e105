import { App, Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ContactRecord, VisitRecord } from '../../../shared/contract';
import { INTENT_LEVELS, VISIT_KINDS, type IntentLevel, type VisitKind } from '../../../shared/domain/reference';
import { CompanySelect } from '../../components/CompanySelect';
import { DateInput } from '../../components/DateInput';
import { FormDrawer, useOpenSession } from '../../components/FormDrawer';
import { useCommands, type VisitFormRequest } from '../../lib/commands';
import { dataChanged } from '../../lib/data-version';
import { todayIso } from '../../lib/dates';
import { revalidateOnChange, showFieldErrors } from '../../lib/form-errors';
import { t } from '../../lib/i18n';
import { errorMessage, rpc } from '../../lib/rpc';

interface TripValues {
  startDate?: string | null;
  endDate?: string | null;
  itinerary?: string;
  officials?: string[];
  attendees?: string[];
}

interface Values {
  companyId?: string;
  visitDate?: string | null;
  kind?: VisitKind;
  participants?: string[];
  contactIds?: string[];
  summary?: string;
  outcome?: string;
  intent?: IntentLevel;
  nextStep?: string;
  followUpDate?: string | null;
  trip?: TripValues;
}

const FIELDS = ['companyId', 'visitDate', 'kind', 'participants', 'contactIds', 'summary', 'outcome', 'intent', 'nextStep', 'followUpDate', 'trip'] as const;
const TRIP = 'inspection_trip';
const LIST_INPUT = { mode: 'tags' as const, open: false, suffixIcon: null, tokenSeparators: [',', '，', '、', ' '], placeholder: t.common.listPlaceholder };

function initialValues(visit: VisitRecord | undefined, companyId: string | undefined): Values {
  if (!visit) return { companyId, visitDate: todayIso(), participants: [], contactIds: [] };
  return {
    companyId: visit.companyId,
    visitDate: visit.visitDate,
    kind: visit.kind,
    participants: visit.participants,
    contactIds: visit.contactIds,
    summary: visit.summary ?? undefined,
    outcome: visit.outcome ?? undefined,
    intent: visit.intent ?? undefined,
    nextStep: visit.nextStep ?? undefined,
    followUpDate: visit.followUpDate,
    trip: visit.trip
      ? { ...visit.trip, itinerary: visit.trip.itinerary ?? undefined }
      : undefined,
  };
}

function toFields(values: Values) {
  const trip = values.kind === TRIP && values.trip
    ? {
        startDate: values.trip.startDate ?? '',
        endDate: values.trip.endDate ?? '',
        itinerary: values.trip.itinerary ?? null,
        officials: values.trip.officials ?? [],
        attendees: values.trip.attendees ?? [],
      }
    : null;
  return {
    visitDate: values.visitDate ?? '',
    kind: values.kind!,
    participants: values.participants ?? [],
    contactIds: values.contactIds ?? [],
    summary: values.summary ?? null,
    outcome: values.outcome ?? null,
    intent: values.intent ?? null,
    nextStep: values.nextStep ?? null,
    followUpDate: values.followUpDate ?? null,
    trip,
  };
}

/** The contacts of the chosen company, for 对方联系人. */
function useCompanyContacts(companyId: string | undefined): ContactRecord[] {
  const [contacts, setContacts] = useState<ContactRecord[]>([]);
  useEffect(() => {
    let current = true;
    if (!companyId) {
      setContacts([]);
      return;
    }
    rpc('contacts.listByCompany', { companyId })
      .then((found) => current && setContacts(found))
      .catch(() => current && setContacts([]));
    return () => {
      current = false;
    };
  }, [companyId]);
  return contacts;
}

/** 新增走访 / 编辑走访, from anywhere (Alt+N). Choosing 赴黔考察 reveals the trip fields. */
export function VisitForm() {
  const request = useCommands((state) => state.visitForm);
  const close = useCommands((state) => state.closeVisitForm);
  const session = useOpenSession(request !== null);
  return <VisitFormDrawer key={session} request={request} close={close} />;
}

function VisitFormDrawer({ request: live, close }: { request: VisitFormRequest | null; close: () => void }) {
  // What the form was opened with stays put while the drawer animates closed.
  const [request] = useState(live);
  const editing = request?.visit;
  const preset = request?.company ?? (editing ? { id: editing.companyId, name: editing.companyName } : null);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();

  const companyId = Form.useWatch('companyId', form);
  const kind = Form.useWatch('kind', form);
  const contacts = useCompanyContacts(companyId);

  const onFinish = async (values: Values): Promise<void> => {
    setSaving(true);
    try {
      const fields = toFields(values);
      const visit = editing ? await rpc('visits.update', { id: editing.id, patch: fields }) : await rpc('visits.create', { companyId: values.companyId ?? '', ...fields });
      message.success(t.visit.saved(visit.companyName));
      dataChanged('visit', 'task', 'company');
      close();
    } catch (error) {
      if (!showFieldErrors(form, error, { fields: FIELDS })) message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const onValuesChange = (changed: Record<string, unknown>): void => {
    if ('companyId' in changed) form.setFieldValue('contactIds', []);
    revalidateOnChange(form)(changed);
  };

  return (
    <FormDrawer<Values>
      name="visit-form"
      title={editing ? t.visit.edit : t.visit.add}
      open={live !== null}
      form={form}
      saving={saving}
      onClose={close}
      onFinish={(values) => void onFinish(values)}
      onValuesChange={onValuesChange}
      initialValues={initialValues(editing, request?.company?.id)}
      width={720}
    >
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="companyId" label={t.visit.company} rules={[{ required: true, message: t.visit.companyRequired }]}>
            <CompanySelect preset={preset} disabled={Boolean(editing)} placeholder={t.visit.companyPlaceholder} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="visitDate" label={t.visit.visitDate} rules={[{ required: true, message: t.common.choose(t.visit.visitDate) }]}>
            <DateInput allowClear={false} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="kind" label={t.visit.kind} rules={[{ required: true, message: t.visit.kindRequired }]}>
        <Radio.Group aria-label={t.visit.kind} optionType="button" buttonStyle="solid" options={VISIT_KINDS.map((item) => ({ value: item.code, label: item.label }))} />
      </Form.Item>
      {kind === TRIP && (
        <div style={{ background: '#f6f9fd', border: '1px solid #d6e4f5', borderRadius: 4, padding: '12px 16px 0', marginBottom: 16 }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t.visit.trip.title}
          </Typography.Text>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name={['trip', 'startDate']} label={t.visit.trip.startDate} rules={[{ required: true, message: t.common.choose(t.visit.trip.startDate) }]}>
                <DateInput />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name={['trip', 'endDate']}
                label={t.visit.trip.endDate}
                dependencies={[['trip', 'startDate']]}
                rules={[
                  { required: true, message: t.common.choose(t.visit.trip.endDate) },
                  ({ getFieldValue }) => ({
                    validator: async (_rule, end: string | null) => {
                      const start = getFieldValue(['trip', 'startDate']) as string | null;
                      if (start && end && end < start) throw new Error(t.visit.trip.endBeforeStart);
                    },
                  }),
                ]}
              >
                <DateInput />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['trip', 'itinerary']} label={t.visit.trip.itinerary}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name={['trip', 'officials']} label={t.visit.trip.officials}>
                <Select {...LIST_INPUT} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={['trip', 'attendees']} label={t.visit.trip.attendees}>
                <Select {...LIST_INPUT} />
              </Form.Item>
            </Col>
          </Row>
        </div>
      )}
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="participants" label={t.visit.participants}>
            <Select {...LIST_INPUT} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="contactIds" label={t.visit.contacts}>
            <Select
              mode="multiple"
              allowClear
              disabled={!companyId}
              placeholder={t.visit.contactsPlaceholder}
              options={contacts.map((contact) => ({ value: contact.id, label: contact.title ? `${contact.name}（${contact.title}）` : contact.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label={t.visit.summary}>
        <Input.TextArea rows={3} maxLength={10000} />
      </Form.Item>
      <Form.Item name="outcome" label={t.visit.outcome}>
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item name="intent" label={t.visit.intent}>
        <Radio.Group aria-label={t.visit.intent} optionType="button" options={INTENT_LEVELS.map((item) => ({ value: item.code, label: item.label }))} />
      </Form.Item>
      <Form.Item name="nextStep" label={t.visit.nextStep}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="followUpDate" label={t.visit.followUpDate} extra={t.visit.followUpHint}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </FormDrawer>
  );
}
