/**
 * shared/domain — pure domain rules (validation, money, names, search keys,
 * stages, reference data). Imports only zod and pinyin-pro; no Node, no DOM.
 */
export { ok, err, allowBlank, type Ok, type Err, type Result, type ErrorCode } from './result';
export { MESSAGES_ZH, fail, type DomainErrorCode, type PhoneProblem } from './messages.zh';
export { toHalfWidth } from './text';
export { schemaFromValidator } from './zod-bridge';
export { enumOf, labelsOf, findCode, type CodeLabel } from './code-list';

export {
  USCC_ALPHABET,
  normalizeCreditCode,
  validateCreditCode,
  computeCheckChar,
  CreditCodeSchema,
  type CreditCodeErrorCode,
} from './credit-code';
export { validateMobile, validatePhone, validateEmail, MobileSchema, PhoneSchema, EmailSchema } from './phone';
export {
  parseAmount,
  formatYuan,
  formatYuanAuto,
  YuanSchema,
  amountTextSchema,
  type AmountUnit,
  type AmountErrorCode,
} from './money';
export { normalizeCompanyName } from './names';
export {
  searchKeysFor,
  normaliseSearchQuery,
  escapeLike,
  MAX_QUERY_LENGTH,
  type SearchKeys,
  type SearchQuery,
  type SearchQueryKind,
} from './search-keys';
export { isIsoDate, validateIsoDate, IsoDateSchema } from './dates';
export {
  STAGES,
  MAIN_STAGES,
  SIDE_STAGES,
  STAGE_LABELS,
  StageSchema,
  parseStage,
  checkStageMove,
  type Stage,
  type StageMove,
  type StageTransition,
  type StageDirection,
  type StageMoveErrorCode,
} from './stages';
export {
  GUIZHOU_PROVINCE,
  GUANGDONG_PROVINCE,
  GUIZHOU_DIVISIONS,
  SHENZHEN_DISTRICTS,
  GUANGDONG_CITIES,
  KEY_INDUSTRIES_2018,
  IndustryListSchema,
  VISIT_KINDS,
  VISIT_KIND_LABELS,
  VisitKindSchema,
  INTENT_LEVELS,
  INTENT_LEVEL_LABELS,
  IntentLevelSchema,
  COMPANY_SCALES,
  COMPANY_SCALE_LABELS,
  CompanyScaleSchema,
  type Division,
  type IndustryList,
  type VisitKind,
  type IntentLevel,
  type CompanyScale,
} from './reference';
