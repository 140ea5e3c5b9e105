/**
 * Where cockpit numbers lead, as links. Two conventions (docs/cockpit-metrics.md):
 *
 * - `#/cockpit?from=&to=&team=&member=&industry=&city=&drill=<figure>` reopens the
 *   cockpit with its filters and a figure's records open;
 * - `#/projects?…` is the project list filtered to the same records: stage, industry,
 *   targetCity, ownerUserId, teamId, signedFrom, signedTo (signing date in range),
 *   startedBy / producedBy (actual date on or before), hasPark=1, hasFundsBy=<date>,
 *   fundsMonth=YYYY-MM, notStage=terminated. The list page reads what it supports.
 */
import type { CockpitFigure, CockpitFilters, CockpitFiltersInput } from '../../../shared/contract/cockpit';

const FILTER_PARAMS = [
  ['from', 'from'],
  ['to', 'to'],
  ['team', 'teamId'],
  ['member', 'ownerUserId'],
  ['industry', 'industry'],
  ['city', 'targetCity'],
] as const;

/** The query part of the hash (`#/cockpit?a=b` → a=b), if any. */
export function hashQuery(hash: string): URLSearchParams {
  const index = hash.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : hash.slice(index + 1));
}

export function filtersFromQuery(query: URLSearchParams): CockpitFiltersInput {
  const filters: Record<string, string> = {};
  for (const [param, key] of FILTER_PARAMS) {
    const value = query.get(param);
    if (value) filters[key] = value;
  }
  return filters;
}

/** Figure ↔ text: `stage:started`, `rate:started:numerator`, `month:signed:2025-03`, `group:industry:<key>:signed`, `visits:<week>:<kind>`. */
export function figureKey(figure: CockpitFigure): string {
  const part = (value: string | null | undefined) => (value == null || value === '' ? '~' : encodeURIComponent(value));
  switch (figure.type) {
    case 'stage':
      return `stage:${figure.stage}`;
    case 'cohort':
      return 'cohort';
    case 'rate':
      return `rate:${figure.rate}:${figure.part}`;
    case 'month':
      return `month:${figure.series}:${figure.month}`;
    case 'group':
      return `group:${figure.by}:${part(figure.key)}:${figure.measure}`;
    case 'visits':
      return `visits:${part(figure.week)}:${part(figure.kind)}`;
  }
}

export function figureFromKey(key: string): CockpitFigure | null {
  const [type, a, b, c] = key.split(':');
  const value = (text: string | undefined) => (text === undefined || text === '~' ? null : decodeURIComponent(text));
  switch (type) {
    case 'stage':
      return a ? ({ type: 'stage', stage: a } as CockpitFigure) : null;
    case 'cohort':
      return { type: 'cohort' };
    case 'rate':
      return a && b ? ({ type: 'rate', rate: a, part: b } as CockpitFigure) : null;
    case 'month':
      return a && b ? ({ type: 'month', series: a, month: b } as CockpitFigure) : null;
    case 'group':
      return a && c ? ({ type: 'group', by: a, key: value(b), measure: c } as CockpitFigure) : null;
    case 'visits':
      return { type: 'visits', week: value(a), kind: value(b) };
    default:
      return null;
  }
}

export function cockpitHref(filters: CockpitFilters, figure?: CockpitFigure | null): string {
  const query = new URLSearchParams();
  for (const [param, key] of FILTER_PARAMS) {
    const value = filters[key];
    if (value) query.set(param, value);
  }
  if (figure) query.set('drill', figureKey(figure));
  return `#/cockpit?${query.toString()}`;
}

/** The project list showing the same projects as a figure; null for visits. */
export function projectsHref(filters: CockpitFilters, figure: CockpitFigure): string | null {
  const query = new URLSearchParams();
  const set = (name: string, value: string | null | undefined) => {
    if (value) query.set(name, value);
  };
  set('teamId', filters.teamId);
  set('ownerUserId', filters.ownerUserId);
  set('industry', filters.industry);
  set('targetCity', filters.targetCity);
  const cohort = () => {
    set('signedFrom', filters.from);
    set('signedTo', filters.to);
  };
  switch (figure.type) {
    case 'visits':
      return null;
    case 'stage':
      set('stage', figure.stage);
      break;
    case 'cohort':
      cohort();
      break;
    case 'rate':
      cohort();
      if (figure.part === 'numerator') {
        if (figure.rate === 'park') set('hasPark', '1');
        if (figure.rate === 'started') set('startedBy', filters.to);
        if (figure.rate === 'producing') set('producedBy', filters.to);
        if (figure.rate === 'funds') set('hasFundsBy', filters.to);
      }
      break;
    case 'month':
      if (figure.series === 'signed') {
        set('signedFrom', `${figure.month}-01`);
        set('signedTo', `${figure.month}-31`);
      } else set('fundsMonth', figure.month);
      break;
    case 'group': {
      const column = { industry: 'industry', place: filters.targetCity ? 'targetCounty' : 'targetCity', member: 'ownerUserId', team: 'teamId' }[figure.by];
      query.set(column, figure.key ?? '');
      if (figure.measure === 'pipeline') set('notStage', 'terminated');
      else cohort();
      if (figure.measure === 'funds') set('hasFundsBy', filters.to);
      break;
    }
  }
  return `#/projects?${query.toString()}`;
}
