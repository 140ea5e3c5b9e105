import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Tooltip, Typography } from 'antd';
import type { CockpitData } from '../../../shared/contract/cockpit';
import { money, percent } from './format';
import { NumberLink } from './NumberLink';
import { COCKPIT_TEXT, COHORT_DEFINITION, RATE_TEXT } from './text';

/** The period's cohort and the four rates, each with its definition on hover. */
export function RateCards({ data }: { data: CockpitData }) {
  const { cohort } = data;
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      <Col xs={24} md={8} xl={6}>
        <Card size="small" className="qz-cockpit-card" style={{ height: '100%' }}>
          <Typography.Text type="secondary">
            {COCKPIT_TEXT.cohortProjects}{' '}
            <Tooltip title={COHORT_DEFINITION}>
              <InfoCircleOutlined aria-label={COHORT_DEFINITION} />
            </Tooltip>
          </Typography.Text>
          <div style={{ fontSize: 26 }}>
            <NumberLink figure={{ type: 'cohort' }} title={COCKPIT_TEXT.cohortProjects} strong>
              {cohort.projects}
            </NumberLink>
          </div>
          <Flex vertical gap={2} style={{ fontSize: 13 }}>
            <span>
              {COCKPIT_TEXT.cohortAmount}：<NumberLink figure={{ type: 'cohort' }} title={COCKPIT_TEXT.cohortAmount}>{money(cohort.signedAmountYuan)}</NumberLink>
            </span>
            <span>
              {COCKPIT_TEXT.cohortFunds}：<NumberLink figure={{ type: 'rate', rate: 'funds', part: 'numerator' }} title={COCKPIT_TEXT.cohortFunds}>{money(cohort.fundsYuan)}</NumberLink>
            </span>
          </Flex>
        </Card>
      </Col>
      {data.rates.map((rate) => {
        const text = RATE_TEXT[rate.key];
        const isMoney = rate.key === 'funds';
        const show = (value: number) => (isMoney ? money(value) : String(value));
        return (
          <Col xs={12} md={8} xl={{ flex: '1 1 0' }} key={rate.key}>
            <Card size="small" className="qz-cockpit-card" style={{ height: '100%' }} data-rate={rate.key}>
              <Tooltip title={text.definition}>
                <Typography.Text type="secondary" style={{ cursor: 'help' }}>
                  {text.label} <InfoCircleOutlined aria-label={text.definition} />
                </Typography.Text>
              </Tooltip>
              <div style={{ fontSize: 26 }}>
                <NumberLink figure={{ type: 'rate', rate: rate.key, part: 'numerator' }} title={text.label} strong>
                  {percent(rate.ratio)}
                </NumberLink>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text.numerator}{' '}
                <NumberLink figure={{ type: 'rate', rate: rate.key, part: 'numerator' }} title={text.numerator}>
                  {show(rate.numerator)}
                </NumberLink>{' '}
                / {text.denominator}{' '}
                <NumberLink figure={{ type: 'rate', rate: rate.key, part: 'denominator' }} title={text.denominator}>
                  {show(rate.denominator)}
                </NumberLink>
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
