/** The workbench filter in words for its XLSX: every narrowing named, with the page's own labels. */
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../../shared/compounds/compoundFilter.ts';
import { describeFilter } from '../../../../client/src/features/workbench/describeFilter.ts';
import { translate } from '../../../../client/src/i18n/index.tsx';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('zh-CN', key, params);
const townshipName = (code: string) => ({ '350582101': '安海镇' })[code] ?? code;

describe('describeFilter', () => {
  it('says none when nothing narrows the table', () => {
    expect(describeFilter(EMPTY_FILTER, { t, townshipName, selection: false })).toBe('无（全部小区）');
  });
  it('names the township, the kind, the households and the drawn area in Chinese', () => {
    const text = describeFilter(
      { ...EMPTY_FILTER, townships: ['350582101'], kinds: ['commercial'], householdsMin: 500, text: 'jjwd' },
      { t, townshipName, selection: true },
    );
    expect(text).toBe('搜索小区：“jjwd”；镇街：安海镇；小区类型：商品房；户数范围：500–；地图上的选区');
  });
});
