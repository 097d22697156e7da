// zod's issue messages are English; people editing a profile read Chinese. One line per issue.
import type { z } from 'zod';

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值 (true/false)',
  object: '对象',
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
      return at === undefined
        ? `缺少必填项（应为${typeZh(issue.expected)}）`
        : `类型不对：应为${typeZh(issue.expected)}，实际是${describeReceived(at)}`;
    }
    case 'too_small':
      return `数值或长度过小：至少为 ${String(issue.minimum)}${issue.inclusive === false ? '（不含）' : ''}`;
    case 'too_big':
      return `数值或长度过大：至多为 ${String(issue.maximum)}${issue.inclusive === false ? '（不含）' : ''}`;
    case 'invalid_value':
      return `取值不对：应为 ${issue.values.map((v) => JSON.stringify(v)).join(' / ')} 之一`;
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
    default:
      return issue.message;
  }
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
