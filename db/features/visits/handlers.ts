import type { VisitRecord } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Db } from '../../sql';
import type { FeatureHandlers } from '../../rpc/types';
import { statement } from '../../store/statements';
import { createRow, updateRow } from '../../store/writer';
import { notFound, requireLive, requireLiveCompany } from '../common/records';
import { syncFollowUp } from './follow-up';
import { listVisits } from './list';
import { toVisitRecord, VISIT_SELECT, visitColumns, type VisitRow } from './mapping';

function readVisit(db: Db, id: string): VisitRecord {
  const row = statement(db, `SELECT ${VISIT_SELECT} FROM visit v WHERE v.id = ?`).get(id) as VisitRow | undefined;
  if (!row) throw notFound('走访记录不存在');
  return toVisitRecord(row);
}

/** The contacts a visit names must be live contacts of its company. */
function assertContactsOf(db: Db, companyId: string, contactIds: readonly string[]): void {
  const wanted = [...new Set(contactIds)];
  if (wanted.length === 0) return;
  const found = statement(db, 'SELECT count(*) AS n FROM contact WHERE id IN (SELECT value FROM json_each(?)) AND company_id = ? AND deleted = 0').get(
    JSON.stringify(wanted),
    companyId,
  ) as { n: number };
  if (found.n !== wanted.length) {
    const message = '所选联系人不属于该企业或已删除';
    throw new AppError('E_CONTACT_NOT_IN_COMPANY', message, [{ path: 'contactIds', code: 'E_CONTACT_NOT_IN_COMPANY', message }]);
  }
}

/** 赴黔考察 carries a trip and nothing else does; checked on the visit as it will be saved. */
function assertTripMatchesKind(kind: string, hasTrip: boolean): void {
  if ((kind === 'inspection_trip') === hasTrip) return;
  const message = '赴黔考察需要填写考察行程；其他走访方式不填写行程';
  throw new AppError('E_VISIT_TRIP_MISMATCH', message, [{ path: 'trip', code: 'E_VISIT_TRIP_MISMATCH', message }]);
}

export const visitHandlers: FeatureHandlers<'visits.create' | 'visits.update' | 'visits.list'> = {
  'visits.create': (input, { db, actor }) => {
    const id = db.transaction(() => {
      const company = requireLiveCompany(db, input.companyId);
      assertContactsOf(db, company.id, input.contactIds);
      const visitId = createRow(db, actor, 'visit', visitColumns(input));
      if (input.followUpDate) syncFollowUp(db, actor, { visitId, companyId: company.id, companyName: company.name }, input.followUpDate);
      return visitId;
    })();
    return readVisit(db, id);
  },

  'visits.update': ({ id, patch }, { db, actor }) => {
    db.transaction(() => {
      const current = requireLive(db, 'visit', id, '走访记录不存在或已删除') as { company_id: string; kind: string; trip: string | null; follow_up_date: string | null };
      assertTripMatchesKind(patch.kind ?? current.kind, patch.trip === undefined ? current.trip !== null : patch.trip !== null);
      if (patch.contactIds) assertContactsOf(db, current.company_id, patch.contactIds);
      updateRow(db, actor, 'visit', id, visitColumns(patch));
      if (patch.followUpDate !== undefined && patch.followUpDate !== current.follow_up_date) {
        const company = statement(db, 'SELECT name FROM company WHERE id = ?').get(current.company_id) as { name: string };
        syncFollowUp(db, actor, { visitId: id, companyId: current.company_id, companyName: company.name }, patch.followUpDate);
      }
    })();
    return readVisit(db, id);
  },

  'visits.list': (input, { db }) => listVisits(db, input),
};
