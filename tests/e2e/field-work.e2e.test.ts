/// <reference lib="dom" />
// A stationed staffer's day in the built web mode, driven in Chromium the way they work:
// keyboard first, Chinese labels, and the backend as the judge of what is saved.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { focusedId, localIsoDate, rpcInPage, typeDate } from './field-work-helpers';
import { launchChromium, startWebApp, tempDir, type WebApp } from './harness';

const COMPANY = '深圳市云岭智造科技有限公司';
const SIMILAR = '云岭智造科技有限公司';
/** 18 characters whose check character (位 18) should be 6. */
const WRONG_CODE = '914403001922038217';
const CODE = '914403001922038216';
const PROJECT = '云岭智造贵阳智能装备基地';
const TODAY = localIsoDate();

let browser: Browser;
let app: WebApp;
let page: Page;
let companyId = '';
let projectId = '';
const dataDir = tempDir('e2e-field-work');
const running: WebApp[] = [];

async function start(): Promise<WebApp> {
  const started = await startWebApp(dataDir);
  running.push(started);
  return started;
}

/** Waits until `check` holds; the app answers over RPC, so the screen settles a moment later. */
const until = (check: () => Promise<boolean>) => expect.poll(check, { timeout: 10_000 }).toBe(true);

beforeAll(async () => {
  browser = await launchChromium();
  app = await start();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(10_000);
  await page.goto(app.url);
});

// A failed step leaves a picture of the screen behind.
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(async () => {
    const file = path.join(os.tmpdir(), `qz-field-work-${task.name.slice(0, 24).replace(/[^\p{L}\p{N}]+/gu, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot: ${file}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(running.map((server) => server.stop()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a staffer's day in web mode", () => {
  it('refuses a credit code with a wrong 校验位 beside the field and saves nothing; the fixed code saves', async () => {
    await until(() => page.getByRole('heading', { name: '企业名录' }).isVisible());
    await page.getByRole('button', { name: '新增企业' }).click();
    const drawer = page.getByRole('dialog', { name: '新增企业' });
    await until(async () => (await focusedId(page)) === 'company-form_name');

    // Fields are named exactly by their labels (no "*" from the required mark).
    await until(async () => (await drawer.getByRole('textbox', { name: '企业名称', exact: true }).count()) === 1);
    await until(async () => (await drawer.getByRole('textbox', { name: '统一社会信用代码', exact: true }).count()) === 1);
    await page.keyboard.type(COMPANY);
    const code = drawer.getByLabel('统一社会信用代码', { exact: true });
    await code.fill(WRONG_CODE);
    await drawer.getByRole('button', { name: '保存', exact: true }).click();

    const help = drawer.locator('#company-form_creditCode_help');
    await until(() => help.getByText('校验位').isVisible());
    expect(await help.textContent()).toContain('第18位应为 6');
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    // The backend refuses the same code with the same words, and nothing was written.
    await expect(rpcInPage(page, 'companies.create', { name: COMPANY, creditCode: WRONG_CODE })).rejects.toThrow(/校验位/);
    expect((await rpcInPage<{ total: number }>(page, 'companies.list', {})).total).toBe(0);

    await code.fill(CODE);
    await code.press('Enter');
    await until(async () => !(await drawer.isVisible()));
    await until(async () => (await page.getByRole('cell', { name: COMPANY, exact: true }).count()) === 1);
    expect(await page.getByText('共 1 条').isVisible()).toBe(true);
  });

  it('hints at a similar name and refuses a credit code already logged, linking to that company', async () => {
    await page.getByRole('button', { name: '新增企业' }).click();
    const drawer = page.getByRole('dialog', { name: '新增企业' });
    await drawer.getByLabel('企业名称', { exact: true }).fill(SIMILAR);
    await until(() => drawer.getByText('已有名称相近的企业').isVisible());
    await drawer.getByLabel('统一社会信用代码', { exact: true }).fill(CODE);
    const existing = drawer.getByRole('link', { name: '查看已有企业' });
    await until(() => existing.isVisible());

    await existing.click();
    await until(() => page.getByRole('heading', { name: COMPANY }).isVisible());
    await until(async () => !(await drawer.isVisible()));
    companyId = decodeURIComponent(page.url().split('#/companies/')[1] ?? '');
    expect(companyId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a contact whose 手机 is wrong beside the field, then saves the corrected one', async () => {
    await page.getByRole('button', { name: '新增联系人' }).click();
    const dialog = page.getByRole('dialog', { name: '新增联系人' });
    await until(async () => (await focusedId(page)) === 'contact-form_name');
    await page.keyboard.type('张伟');
    await dialog.getByLabel('职务', { exact: true }).fill('副总经理');
    await until(async () => (await dialog.getByRole('textbox', { name: '手机', exact: true }).count()) === 1);
    const mobile = dialog.getByLabel('手机', { exact: true });
    await mobile.fill('1381234567');
    await dialog.getByRole('button', { name: '保存', exact: true }).click();

    await until(() => dialog.locator('#contact-form_mobile_help').getByText('手机号格式不正确').isVisible());
    await expect(rpcInPage(page, 'contacts.create', { companyId, name: '张伟', mobile: '1381234567' })).rejects.toThrow(/手机号格式不正确/);
    expect(await rpcInPage<unknown[]>(page, 'contacts.listByCompany', { companyId })).toHaveLength(0);

    await mobile.fill('13812345678');
    await mobile.press('Enter');
    await until(async () => !(await dialog.isVisible()));
    await until(() => page.getByRole('cell', { name: '13812345678', exact: true }).isVisible());
    expect(await page.getByRole('cell', { name: '张伟', exact: true }).isVisible()).toBe(true);
  });

  it('logs a 网上见 visit from Alt+N, and its follow-up date creates a 待办', async () => {
    await page.keyboard.press('Alt+N');
    const drawer = page.getByRole('dialog', { name: '新增走访' });
    await until(async () => (await focusedId(page)) === 'visit-form_companyId');
    // Pick the company by its pinyin initials, keyboard only.
    await page.keyboard.type('ylzz');
    await until(() => page.locator('.ant-select-dropdown:visible').getByText(COMPANY).isVisible());
    await page.keyboard.press('Enter');

    expect(await drawer.getByRole('textbox', { name: '走访日期', exact: true }).inputValue()).toBe(TODAY);
    await until(async () => (await drawer.getByRole('radiogroup', { name: '走访方式', exact: true }).count()) === 1);
    await drawer.getByText('网上见', { exact: true }).click();
    await drawer.getByLabel('走访内容', { exact: true }).fill('视频会议，介绍贵阳大数据产业园的政策');
    await drawer.getByLabel('意向程度', { exact: true }).getByText('强', { exact: true }).click();
    await drawer.getByLabel('下一步工作', { exact: true }).fill('邀请企业赴黔考察');
    await typeDate(drawer.getByLabel('跟进日期', { exact: true }), TODAY);
    await drawer.getByRole('button', { name: '保存', exact: true }).click();
    await until(async () => !(await drawer.isVisible()));

    await page.getByRole('tab', { name: /走访与进展/ }).click();
    await until(() => page.getByRole('tabpanel').getByText('网上见').isVisible());

    await page.getByRole('navigation', { name: '主导航' }).getByText('待办').click();
    await until(() => page.getByRole('cell', { name: `跟进：${COMPANY}`, exact: true }).isVisible());
    expect(await page.getByRole('tab', { name: /今日\s*1/ }).isVisible()).toBe(true);
  });

  it('moves a project 线索 → 签约: refused without date and amount, accepted with them; then 到位资金', async () => {
    await page.goto(`${app.url}#/companies/${companyId}`);
    await until(() => page.getByRole('heading', { name: COMPANY }).isVisible());
    await page.getByRole('button', { name: '新增项目' }).first().click();
    const drawer = page.getByRole('dialog', { name: '新增项目' });
    await until(async () => (await focusedId(page)) === 'project-form_name');
    await page.keyboard.type(PROJECT);
    expect(await drawer.getByText(COMPANY).isVisible()).toBe(true);

    // The amount is read as typed and the parsed value shown at once.
    await until(async () => (await drawer.getByRole('textbox', { name: '项目名称', exact: true }).count()) === 1);
    const investment = drawer.getByRole('textbox', { name: '投资额（亿元）', exact: true });
    await investment.fill('50000万元');
    await until(() => drawer.getByText('= 5亿元').isVisible());
    await investment.fill('1.25');
    await until(() => drawer.getByText('= 1.25亿元').isVisible());
    await investment.fill('5亿');
    await until(() => drawer.getByText('= 5亿元').isVisible());
    await drawer.getByLabel('落地市（州）', { exact: true }).click();
    await page.keyboard.type('贵阳');
    await page.keyboard.press('Enter');
    expect(await drawer.getByTitle('贵阳市').isVisible()).toBe(true);
    await drawer.getByRole('button', { name: '保存', exact: true }).click();

    await until(() => page.getByRole('heading', { name: PROJECT }).isVisible());
    projectId = decodeURIComponent(page.url().split('#/projects/')[1] ?? '');
    expect(projectId).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('group', { name: '阶段' }).getByText('签约', { exact: true }).click();
    const move = page.getByRole('dialog', { name: '阶段变更：线索 → 签约' });
    await until(() => move.isVisible());
    await move.getByRole('button', { name: '确认变更' }).click();
    await until(() => move.locator('#stage-move-form_signedDate_help').getByText('需要填写签约日期和签约金额').isVisible());
    expect(await move.locator('#stage-move-form_signedAmount_help').textContent()).toContain('签约金额');
    type Detail = { project: { stage: string; signedAmountYuan: number | null; investmentYuan: number | null; fundsInPlaceYuan: number } };
    expect((await rpcInPage<Detail>(page, 'projects.get', { id: projectId })).project.stage).toBe('lead');

    await typeDate(move.getByLabel('签约日期', { exact: true }), TODAY);
    await move.getByLabel('签约金额', { exact: true }).fill('3亿');
    await move.getByRole('button', { name: '确认变更' }).click();
    await until(async () => !(await move.isVisible()));
    const signed = await rpcInPage<Detail>(page, 'projects.get', { id: projectId });
    expect(signed.project).toMatchObject({ stage: 'signed', signedAmountYuan: 300_000_000, investmentYuan: 500_000_000 });

    const funds = page.locator('#funds-form');
    await funds.getByLabel('到位金额', { exact: true }).fill('5000万');
    await funds.getByLabel('备注', { exact: true }).fill('首期');
    await funds.getByRole('button', { name: '添加' }).click();
    await until(() => page.getByText('累计到位 5000万元').isVisible());
    expect(await page.getByRole('table', { name: '到位资金' }).getByRole('cell', { name: '首期', exact: true }).isVisible()).toBe(true);
    expect((await rpcInPage<Detail>(page, 'projects.get', { id: projectId })).project.fundsInPlaceYuan).toBe(50_000_000);
  });

  it('finds the company by its pinyin initials from Ctrl+K, and Enter opens it', async () => {
    await page.getByRole('navigation', { name: '主导航' }).getByText('项目').click();
    await page.keyboard.press('Control+K');
    const search = page.getByRole('combobox', { name: '搜索', exact: true });
    await until(() => search.evaluate((element) => element === document.activeElement));
    await page.keyboard.type('ylzz');
    // The company comes first; its project follows, with the company as its subtitle.
    const first = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await until(async () => (await first.textContent()) === COMPANY);
    await page.keyboard.press('Enter');
    await until(() => page.getByRole('heading', { name: COMPANY }).isVisible());
    expect(page.url()).toContain(`#/companies/${companyId}`);
  });

  it('deletes a contact softly and brings it back with 撤销', async () => {
    await page.getByRole('tab', { name: /联系人/ }).click();
    await page.getByRole('row', { name: /张伟/ }).getByRole('button', { name: '删除' }).click();
    await until(async () => (await page.getByRole('cell', { name: '张伟', exact: true }).count()) === 0);
    await page.getByRole('button', { name: '撤销' }).click();
    await until(() => page.getByRole('cell', { name: '张伟', exact: true }).isVisible());
  });

  it('after restarting web mode, everything is still there', async () => {
    await app.stop();
    app = await start();
    await page.goto(app.url);
    await until(() => page.getByRole('cell', { name: COMPANY, exact: true }).isVisible());
    expect(await page.getByText('共 1 条').isVisible()).toBe(true);

    await page.goto(`${app.url}#/companies/${companyId}`);
    await until(() => page.getByRole('heading', { name: COMPANY }).isVisible());
    expect(await page.getByRole('cell', { name: '13812345678', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('tab', { name: '项目（1）' }).isVisible()).toBe(true);
    await page.getByRole('tab', { name: /走访与进展/ }).click();
    const timeline = page.getByRole('tabpanel', { name: /走访与进展/ });
    await until(() => timeline.getByText('网上见').isVisible());
    expect(await timeline.getByText('线索 → 签约').isVisible()).toBe(true);

    await page.goto(`${app.url}#/projects/${projectId}`);
    await until(() => page.getByText('累计到位 5000万元').isVisible());
    await page.goto(`${app.url}#/tasks`);
    await until(() => page.getByRole('cell', { name: `跟进：${COMPANY}`, exact: true }).isVisible());
  });

  it('saves a similar name only after the user confirms it is another company', async () => {
    await page.goto(`${app.url}#/companies`);
    await page.getByRole('button', { name: '新增企业' }).click();
    const drawer = page.getByRole('dialog', { name: '新增企业' });
    await drawer.getByLabel('企业名称', { exact: true }).fill(SIMILAR);
    await drawer.getByRole('button', { name: '保存', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: '已有名称相近的企业' });
    await until(() => confirm.isVisible());
    expect((await rpcInPage<{ total: number }>(page, 'companies.list', {})).total).toBe(1);
    await confirm.getByRole('button', { name: '仍然保存' }).click();
    await until(async () => (await page.getByRole('cell', { name: SIMILAR, exact: true }).count()) === 1);
    expect(await page.getByText('共 2 条').isVisible()).toBe(true);
  });
});
