import { z } from 'zod';
import { IntentLevelSchema, VisitKindSchema, type IntentLevel, type VisitKind } from '../domain/reference';
import { method } from './define';
import { optionalDate, optionalText, pageInput, patchOf, requiredDate, rowId, shortList, type Page, type RecordMeta } from './fields';

/** A company's inspection trip to Guizhou (赴黔考察). */
export const tripInput = z
  .object({
    startDate: requiredDate('考察开始日期'),
    endDate: requiredDate('考察结束日期'),
    itinerary: optionalText(2000, '行程安排'),
    officials: shortList('陪同领导'),
    attendees: shortList('考察人员'),
  })
  .strict()
  .refine((trip) => trip.endDate >= trip.startDate, { message: '考察结束日期不能早于开始日期', path: ['endDate'] });

export interface Trip {
  startDate: string;
  endDate: string;
  itinerary: string | null;
  officials: string[];
  attendees: string[];
}

const visitFields = {
  companyId: rowId,
  visitDate: requiredDate('走访日期'),
  kind: VisitKindSchema,
  participants: shortList('我方参加人员'),
  contactIds: z.array(rowId).max(50).default([]),
  summary: optionalText(10000, '走访内容'),
  outcome: optionalText(5000, '走访成效'),
  intent: IntentLevelSchema.nullish().transform((value) => value ?? null),
  nextStep: optionalText(2000, '下一步工作'),
  /** Creates (or moves) the visit's 待办. */
  followUpDate: optionalDate('跟进日期'),
  trip: tripInput.nullish().transform((value) => value ?? null),
};

/** A trip belongs to 赴黔考察 and to nothing else. */
const tripMatchesKind = (visit: { kind?: VisitKind; trip?: Trip | null }) => visit.kind === undefined || (visit.kind === 'inspection_trip') === (visit.trip != null);
const tripMessage = { message: '赴黔考察需要填写考察行程；其他走访方式不填写行程', path: ['trip'] };

export interface VisitRecord extends RecordMeta {
  companyId: string;
  companyName: string;
  visitDate: string;
  kind: VisitKind;
  participants: string[];
  contactIds: string[];
  summary: string | null;
  outcome: string | null;
  intent: IntentLevel | null;
  nextStep: string | null;
  followUpDate: string | null;
  trip: Trip | null;
}

export const VISIT_SORTS = ['visitDate', 'createdAt', 'kind', 'intent'] as const;

export const visitsContract = {
  'visits.create': method<VisitRecord>()(z.object(visitFields).strict().refine(tripMatchesKind, tripMessage)),
  'visits.update': method<VisitRecord>()(
    z.object({ id: rowId, patch: patchOf(visitFields).omit({ companyId: true }).strict().refine(tripMatchesKind, tripMessage) }).strict(),
  ),
  'visits.list': method<Page<VisitRecord>>()(
    z
      .object({
        ...pageInput,
        sort: z.enum(VISIT_SORTS).default('visitDate'),
        companyId: rowId.optional(),
        kind: VisitKindSchema.optional(),
        intent: IntentLevelSchema.optional(),
        ownerUserId: z.string().max(64).optional(),
        dateFrom: optionalDate('开始日期'),
        dateTo: optionalDate('结束日期'),
      })
      .strict(),
  ),
};
