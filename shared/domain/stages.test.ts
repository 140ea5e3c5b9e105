import { describe, expect, it } from 'vitest';
import { checkStageMove, MAIN_STAGES, parseStage, STAGE_LABELS, StageSchema, type Stage, type StageMove } from './stages';

const SIGNED = { signedDate: '2026-03-01', signedAmountYuan: 500_000_000 };
const STARTED = { ...SIGNED, startDate: '2026-06-01' };
const PRODUCING = { ...STARTED, productionDate: '2027-01-15' };

const move = (from: Stage, to: Stage, data: Partial<StageMove> = {}) => checkStageMove({ from, to, ...data });

describe('stage lists', () => {
  it('has the main line in order and the side exits', () => {
    expect(MAIN_STAGES.map((stage) => STAGE_LABELS[stage])).toEqual(['线索', '在谈', '签约', '开工', '投产']);
    expect(STAGE_LABELS.on_hold).toBe('搁置');
    expect(STAGE_LABELS.terminated).toBe('终止');
    expect(StageSchema.options).toHaveLength(7);
    expect(StageSchema.safeParse('signed').success).toBe(true);
    expect(StageSchema.safeParse('签约').success).toBe(false);
  });

  it('parseStage accepts codes and Chinese labels', () => {
    expect(parseStage('签约')).toEqual({ ok: true, value: 'signed' });
    expect(parseStage(' 在谈 ')).toEqual({ ok: true, value: 'negotiating' });
    expect(parseStage('ON_HOLD')).toEqual({ ok: true, value: 'on_hold' });
    expect(parseStage('已签约')).toMatchObject({ ok: false, code: 'E_STAGE_UNKNOWN' });
    expect(parseStage('__proto__')).toMatchObject({ ok: false, code: 'E_STAGE_UNKNOWN' });
  });
});

describe('checkStageMove: forward', () => {
  it('needs nothing to go from 线索 to 在谈', () => {
    expect(move('lead', 'negotiating')).toEqual({
      ok: true,
      value: { from: 'lead', to: 'negotiating', direction: 'forward' },
    });
  });

  it('needs a signing date and amount to reach 签约', () => {
    expect(move('negotiating', 'signed')).toMatchObject({ ok: false, code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT' });
    expect(move('negotiating', 'signed', { signedDate: '2026-03-01' })).toMatchObject({
      code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT',
    });
    expect(move('negotiating', 'signed', { signedAmountYuan: 1 })).toMatchObject({
      code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT',
    });
    expect(move('negotiating', 'signed', SIGNED)).toMatchObject({ ok: true, value: { direction: 'forward' } });
  });

  it.each([0, -5, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 2])('refuses a signed amount of %d', (amount) => {
    expect(move('negotiating', 'signed', { ...SIGNED, signedAmountYuan: amount })).toMatchObject({
      code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT',
    });
  });

  it('needs the signing data when skipping past 签约', () => {
    expect(move('lead', 'started', { startDate: '2026-06-01' })).toMatchObject({
      code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT',
    });
    expect(move('lead', 'started', STARTED)).toMatchObject({ ok: true });
  });

  it('needs the actual start date for 开工; a planned date is not enough', () => {
    expect(move('signed', 'started', SIGNED)).toMatchObject({ code: 'E_STAGE_START_REQUIRES_DATE' });
    expect(move('signed', 'started', { ...SIGNED, startPlannedDate: '2026-05-01' })).toMatchObject({
      code: 'E_STAGE_START_REQUIRES_DATE',
    });
    expect(move('signed', 'started', { startDate: '2026-06-01' })).toMatchObject({ ok: true });
  });

  it('needs the production date for 投产, and the start date when skipping 开工', () => {
    expect(move('started', 'producing', STARTED)).toMatchObject({ code: 'E_STAGE_PRODUCE_REQUIRES_DATE' });
    expect(move('signed', 'producing', { productionDate: '2027-01-15' })).toMatchObject({
      code: 'E_STAGE_START_REQUIRES_DATE',
    });
    expect(move('started', 'producing', PRODUCING)).toMatchObject({ ok: true, value: { direction: 'forward' } });
    expect(move('lead', 'producing', PRODUCING)).toMatchObject({ ok: true });
  });

  it('treats blank strings as missing', () => {
    expect(move('negotiating', 'signed', { ...SIGNED, signedDate: '   ' })).toMatchObject({
      code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT',
    });
    expect(move('signed', 'started', { startDate: '' })).toMatchObject({ code: 'E_STAGE_START_REQUIRES_DATE' });
  });

  it('refuses invalid dates, naming the field', () => {
    const result = move('negotiating', 'signed', { ...SIGNED, signedDate: '2026-02-30' });
    expect(result).toMatchObject({ ok: false, code: 'E_DATE_INVALID' });
    if (!result.ok) expect(result.message).toContain('签约日期');
    expect(move('lead', 'negotiating', { startPlannedDate: 'next week' })).toMatchObject({ code: 'E_DATE_INVALID' });
  });

  it('refuses production before the start', () => {
    expect(move('started', 'producing', { ...STARTED, productionDate: '2026-05-31' })).toMatchObject({
      code: 'E_STAGE_DATE_ORDER',
    });
    expect(move('started', 'producing', { ...STARTED, productionDate: '2026-06-01' })).toMatchObject({ ok: true });
  });
});

describe('checkStageMove: backward, unchanged, side exits', () => {
  it('refuses a move to the same stage', () => {
    for (const stage of ['lead', 'signed', 'on_hold', 'terminated'] as const) {
      expect(move(stage, stage, { ...PRODUCING, reason: 'x' })).toMatchObject({ code: 'E_STAGE_UNCHANGED' });
    }
  });

  it('needs a non-blank reason to go back on the main line', () => {
    expect(move('signed', 'negotiating')).toMatchObject({ code: 'E_STAGE_BACKWARD_REQUIRES_REASON' });
    expect(move('signed', 'negotiating', { reason: ' \u3000 ' })).toMatchObject({
      code: 'E_STAGE_BACKWARD_REQUIRES_REASON',
    });
    const result = move('producing', 'lead');
    if (!result.ok) expect(result.message).toContain('“投产”退回“线索”');
    expect(move('signed', 'negotiating', { reason: '协议被企业董事会否决' })).toEqual({
      ok: true,
      value: { from: 'signed', to: 'negotiating', direction: 'backward' },
    });
  });

  it('a backward move needs no milestone data', () => {
    expect(move('producing', 'started', { reason: '停产整改' })).toMatchObject({ ok: true });
  });

  it.each(MAIN_STAGES)('allows 搁置 and 终止 from %s without data', (stage) => {
    expect(move(stage, 'on_hold')).toMatchObject({ ok: true, value: { direction: 'exit' } });
    expect(move(stage, 'terminated')).toMatchObject({ ok: true, value: { direction: 'exit' } });
  });

  it('allows 搁置 → 终止', () => {
    expect(move('on_hold', 'terminated')).toMatchObject({ ok: true, value: { direction: 'exit' } });
  });

  it('resuming from 搁置 needs the data of every milestone up to the target', () => {
    expect(move('on_hold', 'negotiating')).toMatchObject({ ok: true, value: { direction: 'resume' } });
    expect(move('on_hold', 'signed')).toMatchObject({ code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT' });
    expect(move('on_hold', 'started', STARTED)).toMatchObject({ ok: true, value: { direction: 'resume' } });
  });

  it('leaving 终止 needs a reason, wherever it goes', () => {
    expect(move('terminated', 'negotiating')).toMatchObject({ code: 'E_STAGE_REOPEN_REQUIRES_REASON' });
    expect(move('terminated', 'on_hold')).toMatchObject({ code: 'E_STAGE_REOPEN_REQUIRES_REASON' });
    expect(move('terminated', 'negotiating', { reason: '企业重新启动投资计划' })).toMatchObject({
      ok: true,
      value: { direction: 'resume' },
    });
    expect(move('terminated', 'signed', { reason: '重新签约' })).toMatchObject({
      code: 'E_STAGE_SIGN_REQUIRES_DATE_AMOUNT',
    });
  });

  it('refuses unknown stages that slipped past the type system', () => {
    const hostile = checkStageMove({ from: 'toString' as Stage, to: 'lead' });
    expect(hostile).toMatchObject({ ok: false, code: 'E_STAGE_UNKNOWN' });
    expect(checkStageMove({ from: 'lead', to: '签约' as Stage })).toMatchObject({ code: 'E_STAGE_UNKNOWN' });
  });
});
