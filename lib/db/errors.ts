import { fail, type Result } from '../messaging/result';

/** The name of a storage error, looking through Dexie's wrapper to the DOMException inside. */
function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner;
  }
  return names;
}

/**
 * A storage failure as a `Result` with a Chinese message for the officer.
 * The whole transaction was rolled back when this is returned, so the
 * message can promise that nothing was half-written.
 */
export function storageFailure<T = never>(error: unknown): Result<T> {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) {
    return fail(
      'quota-exceeded',
      '存储空间不足，本次操作未保存任何内容。请在设置中查看存储用量，清理旧截图或释放磁盘空间后重试。',
    );
  }
  if (names.includes('DatabaseClosedError') || names.includes('InvalidStateError')) {
    return fail('db-closed', '数据库连接已关闭（可能是另一页面正在升级数据库），本次操作未保存。请刷新页面后重试。');
  }
  if (names.includes('VersionError')) {
    return fail('db-error', '数据库版本比本扩展新（可能装有更新的版本），本次操作未保存。请更新扩展。');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return fail('db-error', `数据库写入失败，本次操作未保存：${detail}`);
}

/** The failure returned when an upgrade is blocked by another open extension page. */
export function blockedFailure<T = never>(): Result<T> {
  return fail(
    'db-blocked',
    '数据库升级被另一个打开的舆情助手页面阻塞，本次操作未保存。请关闭其他舆情助手页面（侧边栏、弹窗、设置页）后重试。',
  );
}
