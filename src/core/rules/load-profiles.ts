// The rule profiles: rules/common.yaml + rules/<platform>.yaml, merged (P2) and validated (P1),
// read through core/data-files.ts. A broken profile stops the load with a message that names the
// file, the path inside it and the reason, in Chinese.
import { isAbsolute, join, resolve } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { readTextFile, shippedPath } from '../data-files.js';
import { DxeError } from '../errors.js';
import { issueToZh, pathText } from './issue-text.js';
import { deepMerge, existingDepth, isPlainObject } from './merge.js';
import { PLATFORMS, type Platform } from '../platforms.js';
import { profileSchema, type Profile, type Profiles } from './schema.js';

/** The repository's rules/ folder, found from this module's location (any cwd works). */
export function rulesDir(): string {
  // Found once: profileFor() asks for it on every call (every reply, every queue row).
  return (shippedRulesDir ??= shippedPath(import.meta.url, '../../../rules'));
}
let shippedRulesDir: string | undefined;

export interface Layer {
  /** What a person sees in an error: a file path or a label such as 店铺覆盖配置. */
  label: string;
  data: unknown;
}

export function readLayer(file: string): Layer {
  let text: string;
  try {
    text = readTextFile(file);
  } catch (err) {
    throw new DxeError('PROFILE_INVALID', `${file}: 无法读取文件（${(err as Error).message}）`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const at = err.linePos?.[0];
      const where = at ? `第 ${at.line} 行第 ${at.col} 列` : '(位置未知)';
      throw new DxeError('PROFILE_INVALID', `${file}: ${where}: YAML 语法错误（${err.code}）`);
    }
    throw err;
  }
  if (data === null || data === undefined) data = {};
  if (!isPlainObject(data)) {
    throw new DxeError('PROFILE_INVALID', `${file}: (顶层): 顶层应为键值对象`);
  }
  return { label: file, data };
}

/**
 * Merges layers (lowest first) and validates the result. An issue is blamed on the highest
 * layer that reaches deepest into the issue's path, which is the layer that set the value.
 */
export function buildProfile(layers: readonly Layer[]): Profile {
  const merged = layers.reduce<unknown>((acc, l) => deepMerge(acc, l.data), {});
  const parsed = profileSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    let blame = layers[layers.length - 1];
    let best = -1;
    for (const layer of layers) {
      const d = existingDepth(layer.data, issue.path);
      if (d >= best) {
        best = d;
        blame = layer;
      }
    }
    return `${blame?.label ?? '?'}: ${pathText(issue.path)}: ${issueToZh(issue, merged)}`;
  });
  throw new DxeError('PROFILE_INVALID', `规则配置文件有误：\n${lines.join('\n')}`, parsed.error.issues);
}

interface Loaded {
  profiles: Profiles;
  layers: Record<Platform, Layer[]>;
  withOverrides: Map<string, Profile>;
}
const cache = new Map<string, Loaded>();

function load(dir: string): Loaded {
  // An absolute path as given first (the common case, rulesDir()): a hit needs no resolution.
  const absolute = isAbsolute(dir);
  const given = absolute ? cache.get(dir) : undefined;
  if (given) return given;
  const key = resolve(dir);
  const hit = cache.get(key);
  if (hit) {
    if (absolute) cache.set(dir, hit);
    return hit;
  }
  const common = readLayer(join(key, 'common.yaml'));
  const layers = {} as Record<Platform, Layer[]>;
  const profiles = {} as Record<Platform, Profile>;
  for (const platform of PLATFORMS) {
    const own = readLayer(join(key, `${platform}.yaml`));
    if (isPlainObject(own.data) && own.data.platform !== platform) {
      throw new DxeError(
        'PROFILE_INVALID',
        `${own.label}: platform: 应为 "${platform}"（与文件名一致），实际是 ${JSON.stringify(own.data.platform)}`,
      );
    }
    layers[platform] = [common, own];
    profiles[platform] = buildProfile(layers[platform]);
  }
  const loaded: Loaded = { profiles, layers, withOverrides: new Map() };
  cache.set(key, loaded);
  if (absolute) cache.set(dir, loaded);
  return loaded;
}

/** All five profiles, merged and validated; cached per directory. */
export function loadProfiles(dir: string = rulesDir()): Profiles {
  return load(dir).profiles;
}

/**
 * A platform's profile, with a shop's overrides (parsed YAML/JSON, or a stored object) merged
 * on top. Overrides may not change the platform (P3: a shop belongs to one platform).
 */
export function profileFor(
  platform: Platform,
  shopOverrides?: unknown,
  dir: string = rulesDir(),
  overridesLabel = '店铺覆盖配置',
): Profile {
  const loaded = load(dir);
  if (shopOverrides === undefined || shopOverrides === null) return loaded.profiles[platform];
  if (!isPlainObject(shopOverrides)) {
    throw new DxeError('PROFILE_INVALID', `${overridesLabel}: (顶层): 顶层应为键值对象`);
  }
  if ('platform' in shopOverrides && shopOverrides.platform !== platform) {
    throw new DxeError('PROFILE_INVALID', `${overridesLabel}: platform: 店铺覆盖配置不能改变平台`);
  }
  // Shops' overrides are read often (every reply) and change rarely: keep the merged result.
  const key = `${platform}\u0000${overridesLabel}\u0000${JSON.stringify(shopOverrides)}`;
  const hit = loaded.withOverrides.get(key);
  if (hit) return hit;
  const profile = buildProfile([...loaded.layers[platform], { label: overridesLabel, data: shopOverrides }]);
  if (loaded.withOverrides.size >= 256) loaded.withOverrides.clear();
  loaded.withOverrides.set(key, profile);
  return profile;
}

/** Forget cached profiles (tests, or after the files changed). */
export function clearProfileCache(): void {
  cache.clear();
}
