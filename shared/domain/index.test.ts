import { describe, expect, it } from 'vitest';
import * as domain from './index';

describe('public API', () => {
  it('exposes every module through index', () => {
    for (const name of [
      'validateCreditCode', 'computeCheckChar', 'normalizeCreditCode', 'CreditCodeSchema',
      'validateMobile', 'validatePhone', 'validateEmail',
      'parseAmount', 'formatYuan', 'formatYuanAuto', 'YuanSchema',
      'normalizeCompanyName', 'searchKeysFor', 'normaliseSearchQuery', 'escapeLike',
      'checkStageMove', 'parseStage', 'isIsoDate', 'StageSchema',
      'GUIZHOU_DIVISIONS', 'SHENZHEN_DISTRICTS', 'GUANGDONG_CITIES', 'KEY_INDUSTRIES_2018',
      'VISIT_KINDS', 'INTENT_LEVELS', 'COMPANY_SCALES', 'ok', 'err', 'fail', 'allowBlank',
    ]) {
      expect(domain, name).toHaveProperty(name);
    }
  });

  it('works end to end on a ledger row', () => {
    const row = { code: '９１４４０３００１９２２０３８２１６', amount: '3，200万', stage: '签约', mobile: '+86 138-1234-5678' };
    expect(domain.validateCreditCode(row.code)).toEqual({ ok: true, value: '914403001922038216' });
    expect(domain.parseAmount(row.amount, '亿元')).toEqual({ ok: true, value: 32_000_000 });
    expect(domain.parseStage(row.stage)).toEqual({ ok: true, value: 'signed' });
    expect(domain.allowBlank(domain.validateMobile)(row.mobile)).toEqual({ ok: true, value: '13812345678' });
  });
});
