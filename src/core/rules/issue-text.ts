// zod's issue messages are English; people editing a profile read Chinese. One line per issue.
import type { z } from 'zod';

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值 (true/false)',
  object: '对象',
  record: '对象（键值表）',
  map: '对象（键值表）',
  date: '日期',
  bigint: '整数',
  symbol: '符号',
  function: '函数',
  array: '列表',
  null: '空值 null',
  undefined: '未填写',
  nan: '非数字',
};

function typeZh(t: unknown): string {
  return typeof t === 'string' ? (TYPE_ZH[t] ?? t) : String(t);
}

function describeReceived(input: unknown): string {
  if (input === undefined) return '未填写';
  if (input === null) return 'null';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'object') return '对象';
  return `${typeZh(typeof input)} ${JSON.stringify(input)}`;
}

/**
 * `root` is the data that was validated; zod 4 does not keep the input in issues, so the value
 * at the issue's path is looked up there to tell "missing" from "wrong type".
 */
export function issueToZh(issue: z.core.$ZodIssue, root?: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const at = valueAt(root, issue.path);
      if (at !== undefined) return `类型不对：应为${typeZh(issue.expected)}，实际是${describeReceived(at)}`;
      // Without the input at hand, zod's own English message still names what it received.
      const received = /received (\w+)/.exec(issue.message)?.[1];
      return received && received !== 'undefined'
        ? `类型不对：应为${typeZh(issue.expected)}，实际是${typeZh(received)}`
        : `缺少必填项（应为${typeZh(issue.expected)}）`;
    }
    case 'too_small':
      return `数值或长度过小：至少为 ${String(issue.minimum)}${issue.inclusive === false ? '（不含）' : ''}`;
    case 'too_big':
      return `数值或长度过大：至多为 ${String(issue.maximum)}${issue.inclusive === false ? '（不含）' : ''}`;
    case 'invalid_value': {
      const at = valueAt(root, issue.path);
      return `取值不对${at === undefined ? '' : `（${JSON.stringify(at)}）`}：应为 ${issue.values.map((v) => JSON.stringify(v)).join(' / ')} 之一`;
    }
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.join('、')}（拼写错误？）`;
    case 'invalid_format':
      return `格式不对：应符合 ${issue.format}`;
    case 'invalid_union':
      return '取值不符合任何允许的形式';
    case 'invalid_key':
      return '字段名不合规则';
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'custom':
      // A refinement's own message; ours are written in Chinese, zod's default is English.
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '取值不符合要求';
    default:
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '输入不符合要求';
  }
}

/** A schema's own Chinese message when it has one (z.string().min(1, '请输入账号')), else the translation. */
export function issueMessageZh(issue: z.core.$ZodIssue, root?: unknown): string {
  return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : issueToZh(issue, root);
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(顶层)' : path.map(String).join('.');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}
