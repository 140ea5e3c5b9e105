/**
 * The cockpit on the seeded team database (1,000,000 visits, 50,000 projects): every
 * figure of `cockpit.get` (all its queries together) for a mix of filters a lead uses,
 * plus the filter choices and a drill-down page. Handlers are called in process.
 */
import { HlcClock } from '../shared/sync/hlc';
import { openAppDatabase, readMeta } from '../db/database';
import { cockpitHandlers } from '../db/features/cockpit/handlers';
import type { HandlerContext } from '../db/rpc/types';
import { cockpitContract, type CockpitFiltersInput } from '../shared/contract/cockpit';
import { describeTimes, formatSizes, percentile, printFigure, printMachine, removeDir, scratchCopy, seededDataDir, sizesFromArgs, timeRuns } from './lib';

const RUNS = 40;
/** The seed's "today". */
const TODAY = new Date('2026-11-27T02:00:00Z');

async function main(): Promise<void> {
  printMachine();
  const sizes = sizesFromArgs();
  const dataDir = scratchCopy(seededDataDir(sizes));
  const app = openAppDatabase(dataDir);
  try {
    await app.integrity;
    const now = () => TODAY;
    const ctx: HandlerContext = {
      db: app.db,
      deviceId: app.deviceId,
      actor: { deviceId: app.deviceId, userId: app.userId, teamId: null, clock: new HlcClock(app.deviceId, () => Date.now(), readMeta(app.db, 'hlc_last')), now },
      schemaVersion: app.migration.to,
      now,
      integrity: () => 'ok',
    };
    const options = await cockpitHandlers['cockpit.options']({}, ctx);
    const member = options.members[0]?.id;
    const mixes: [string, CockpitFiltersInput][] = [
      ['this year', {}],
      ['last 12 months', { from: '2025-11-28', to: '2026-11-27' }],
      ['three years', { from: '2024-01-01', to: '2026-11-27' }],
      ['one member, this year', { ownerUserId: member ?? null }],
      ['one team, this year', { teamId: options.teams[0]?.id ?? null }],
      ['one industry, last 12 months', { from: '2025-11-28', to: '2026-11-27', industry: options.industries[0] ?? null }],
      ['one city, three years', { from: '2024-01-01', to: '2026-11-27', targetCity: options.cities[0] ?? null }],
    ];
    process.stderr.write(`[cockpit] ${formatSizes(sizes)}\n`);
    // SQLCipher decrypts every page it reads into the page cache; the default cache (16 MiB) is
    // smaller than the cockpit's working set, so the figures are taken with it and, for
    // reference, with 64 and 128 MiB caches (a proposal for db/sql.ts).
    for (const cache of [null, -65_536, -131_072]) {
      if (cache !== null) app.db.pragma(`cache_size = ${cache}`);
      const label = cache === null ? 'default page cache' : `${-cache / 1024} MiB page cache, reference`;
      const all: number[] = [];
      const cpu: number[] = [];
      for (const [name, filters] of mixes) {
        const input = cockpitContract['cockpit.get'].input.parse(filters);
        let cohort = 0;
        const times = await timeRuns(RUNS, async () => {
          cohort = (await cockpitHandlers['cockpit.get'](input, ctx)).cohort.projects;
        }, 3);
        all.push(...times.wallMs);
        cpu.push(...times.cpuMs);
        process.stderr.write(`[cockpit] ${label}, ${name} (cohort ${cohort}): ${describeTimes(times)}\n`);
        printFigure(`cockpit, all figures, ${name}, ${label}, p95`, percentile(times.wallMs, 95), 'ms', cache === null ? { below: 150 } : undefined);
      }
      printFigure(`cockpit, all figures, every filter mix, ${label}, p95`, percentile(all, 95), 'ms', cache === null ? { below: 150 } : undefined);
      printFigure(`cockpit, all figures, every filter mix, ${label}, CPU p95 (reference)`, percentile(cpu, 95), 'ms');
    }

    const optionTimes = await timeRuns(RUNS, () => cockpitHandlers['cockpit.options']({}, ctx), 3);
    printFigure('cockpit filter choices (cockpit.options), p95 (reference)', percentile(optionTimes.wallMs, 95), 'ms');
    const drillInput = cockpitContract['cockpit.drill'].input.parse({ filters: { from: '2024-01-01' }, figure: { type: 'rate', rate: 'started', part: 'numerator' }, limit: 50 });
    const drillTimes = await timeRuns(RUNS, () => cockpitHandlers['cockpit.drill'](drillInput, ctx), 3);
    printFigure('cockpit drill-down, first page of 开工 projects, p95 (reference)', percentile(drillTimes.wallMs, 95), 'ms');
  } finally {
    app.close();
    removeDir(dataDir);
  }
}

main().catch((error: unknown) => {
  console.log(`cockpit: not measured: ${error instanceof Error ? error.message : String(error)}`);
});
