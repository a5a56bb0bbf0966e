/** The legend's total while the compounds load: 加载中…, never "0 个小区". */
import { describe, expect, it } from 'vitest';
import { legendTotal } from '../../../../client/src/features/layers/Legend.tsx';
import { translate } from '../../../../client/src/i18n/index.tsx';

const say = (total: ReturnType<typeof legendTotal>) =>
  total.key === 'map.loading' ? translate('zh-CN', total.key) : translate('zh-CN', total.key, { count: total.count });

describe('the legend total', () => {
  it('says 加载中… while loading, even with no entries counted yet', () => {
    expect(say(legendTotal([{ count: 0 }, { count: 0 }], true))).toBe('加载中…');
  });
  it('counts the compounds once loaded', () => {
    expect(say(legendTotal([{ count: 2 }, { count: 345 }], false))).toBe('347 个小区');
  });
});
