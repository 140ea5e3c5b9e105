import path from 'node:path';
import { applyProvisioning, readProvisioningStatus } from '../../provisioning/apply';
import { readProvisioningFile } from '../../provisioning/read';
import { openAppDatabase } from '../../database';
import { defineCommand, UsageError } from '../command';
import { cliKeyStore } from '../data-folder';

/** `provision <file>`: applies a provisioning file to the data folder (what the first run does with one). */
export const command = defineCommand({
  name: 'provision',
  summary: '应用配置文件（平台地址、CA 证书、工作队、注册码）',
  usage: '<qianzhao-provision.json>',
  run(ctx, { positionals }) {
    if (positionals.length !== 1) throw new UsageError('请给出配置文件');
    const file = path.resolve(positionals[0]!);
    const provisioning = readProvisioningFile(file, ctx.now());
    const app = openAppDatabase(ctx.dataDir, { keyStore: cliKeyStore(ctx.dataDir) });
    try {
      const { changed } = applyProvisioning(app, provisioning, { kind: 'file', file }, ctx.now());
      const status = readProvisioningStatus(app);
      return {
        lines: [changed ? '已应用配置文件' : '配置未变化', `平台：${status.platformUrl}`, `工作队：${status.team}`, ...status.certificates.map((c) => `CA 证书：${c.subject}（SHA-256 ${c.fingerprint256}）`)],
        data: status,
      };
    } finally {
      app.close();
    }
  },
});
