// `dxe rules show <platform>` prints a merged profile with each figure's source (P1);
// `dxe rules eval` answers platform-arithmetic questions as JSON Lines (EVAL §3).
import type { Command } from 'commander';
import { PLATFORMS, isPlatform } from '../../core/platforms.js';

export function register(program: Command): void {
  const rules = program.command('rules').description('平台规则配置：查看与计算');

  rules
    .command('show')
    .description('显示某平台合并后的规则配置（含每项数据的来源）')
    .argument('<platform>', PLATFORMS.join(' | '))
    .option('--json', '以 JSON 输出')
    .option('--overrides <file>', '叠加店铺覆盖配置（YAML 或 JSON 文件）')
    .option('--shop <id>', '叠加某店铺在数据库中保存的覆盖配置')
    .action(async (platform: string, opts: { json?: boolean; overrides?: string; shop?: string }) => {
      const { DxeError } = await import('../../core/errors.js');
      const { profileFor, readLayer } = await import('../../core/rules/load-profiles.js');
      if (!isPlatform(platform)) {
        throw new DxeError('VALIDATION_FAILED', `未知平台「${platform}」，可选：${PLATFORMS.join('、')}`);
      }
      if (opts.shop !== undefined && opts.overrides !== undefined) {
        throw new DxeError('VALIDATION_FAILED', '--shop 与 --overrides 只能选一个');
      }
      const overrides =
        opts.shop !== undefined
          ? await shopOverrides(opts.shop, platform)
          : opts.overrides === undefined
            ? undefined
            : readLayer(opts.overrides);
      const profile = profileFor(platform, overrides?.data, undefined, overrides?.label);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
      } else {
        const { stringify } = await import('yaml');
        process.stdout.write(
          `# ${profile.name_zh}（${platform}）规则配置：common.yaml → ${platform}.yaml${overrides ? ` → ${overrides.label}` : ''}\n` +
            `# 每项数据旁的 source 注明需求编号 (req) 与来源种子 (seed)\n` +
            stringify(profile, { lineWidth: 0 }),
        );
      }
    });

  rules
    .command('eval')
    .description('平台规则计算：从标准输入读 JSON Lines，逐行输出结果（延迟发货、退款状态、信用、DSR、运费、价保）')
    .action(async () => {
      const { createInterface } = await import('node:readline');
      const { loadProfiles } = await import('../../core/rules/load-profiles.js');
      const { evaluateLine } = await import('../../core/questions/evaluate-question.js');
      const profiles = loadProfiles();
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        let out;
        try {
          out = evaluateLine(line, profiles);
        } catch (err) {
          out = { id: null, error: `内部错误：${err instanceof Error ? err.message : String(err)}` };
        }
        if (out !== null) process.stdout.write(`${JSON.stringify(out)}\n`);
      }
    });
}

/** The rule overrides a shop saved in the workbench (P1), read from the configured database. */
async function shopOverrides(shopId: string, platform: string): Promise<{ data: unknown; label: string }> {
  const { loadConfig } = await import('../../config.js');
  const { savedShopOverridesFromConfig } = await import('../../app/shops/saved-overrides.js');
  return savedShopOverridesFromConfig(loadConfig(), shopId, platform);
}
