import fs from 'node:fs';
import path from 'node:path';
import { isIsoWeek, isoWeekOfInstant } from '../../../shared/weeklog/iso-week';
import { weeklyReport } from '../../features/report/data';
import { reportPdf } from '../../features/report/pdf';
import { reportXlsx } from '../../features/report/xlsx';
import { yuanToYi } from '../../features/report/layout';
import { openForCli } from '../../features/weeklog/cli-context';
import { defineCommand, UsageError } from '../command';
import { cliKeyStore } from '../data-folder';

/** `report --week 2026-W48 [--xlsx <file>] [--pdf <file>]`: the team's 周报, as in the app. */
export const command = defineCommand({
  name: 'report',
  summary: '生成某一周的团队周报（.xlsx 和/或 PDF）；不给文件时只打印汇总',
  usage: '[--week <2026-W48>] [--xlsx <文件>] [--pdf <文件>]',
  options: {
    week: { type: 'string' },
    xlsx: { type: 'string' },
    pdf: { type: 'string' },
  },
  async run(ctx, { values, positionals }) {
    if (positionals.length > 0) throw new UsageError('report 不接受多余的参数');
    const week = typeof values.week === 'string' ? values.week.trim() : isoWeekOfInstant(ctx.now());
    if (!isIsoWeek(week)) throw new UsageError('--week 应写作 2026-W48 这样的形式');
    const { app, ctx: handlerCtx } = openForCli(ctx.dataDir, cliKeyStore(ctx.dataDir), ctx.now);
    try {
      const report = weeklyReport(app.db, week, handlerCtx.now());
      const written: string[] = [];
      if (typeof values.xlsx === 'string') {
        const file = path.resolve(values.xlsx);
        fs.writeFileSync(file, await reportXlsx(report));
        written.push(file);
      }
      if (typeof values.pdf === 'string') {
        const file = path.resolve(values.pdf);
        fs.writeFileSync(file, await reportPdf(report));
        written.push(file);
      }
      const total = report.total;
      return {
        lines: [
          `${report.teamName}工作周报 · ${report.label}`,
          ...report.members.map((member) => `  ${member.name}：走访 ${member.visits} 次，新增企业 ${member.newCompanies} 家，项目推进 ${member.stageMoves} 次，签约 ${yuanToYi(member.signedAmountYuan).toFixed(4)} 亿元`),
          `  合计：走访 ${total.visits} 次，新增企业 ${total.newCompanies} 家，签约 ${total.signedCount} 个 ${yuanToYi(total.signedAmountYuan).toFixed(4)} 亿元，到位资金 ${yuanToYi(total.fundsInPlaceYuan).toFixed(4)} 亿元，逾期待办 ${total.followUpsOverdue} 件`,
          ...written.map((file) => `已保存：${file}`),
        ],
        data: { report, files: written },
      };
    } finally {
      app.close();
    }
  },
});
