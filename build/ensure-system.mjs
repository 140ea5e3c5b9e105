// The Debian packages the tests need. Installs what is missing when we are root with apt
// (a fresh CI machine), and otherwise names exactly what to install. Exit 1 when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const exists = (file) => () => fs.existsSync(file);
const postgresInitdb = () => fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

const NEEDED = [
  { what: 'Chromium (end-to-end tests)', present: exists('/usr/bin/chromium'), pkg: 'chromium' },
  { what: 'CJK fonts (Chinese text in screenshots and PDFs)', present: exists('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'), pkg: 'fonts-noto-cjk' },
  { what: 'PostgreSQL (platform tests on a real server)', present: postgresInitdb, pkg: 'postgresql' },
  { what: 'LibreOffice Calc (reads our spreadsheets back)', present: exists('/usr/bin/soffice'), pkg: 'libreoffice-calc-nogui' },
];

const missing = NEEDED.filter((item) => !item.present());
if (missing.length === 0) process.exit(0);

const packages = missing.map((item) => item.pkg);
const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(`缺少测试所需的系统软件包 / missing Debian packages: ${missing.map((m) => `${m.pkg} (${m.what})`).join(', ')}`);
  console.error(`请运行 / run: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
  process.exit(1);
}
console.log(`正在安装 / installing: ${packages.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
