// Money in headline figures: 万元 and 亿元 in Chinese, compact yuan in English; the full amount elsewhere.
import { describe, expect, it } from 'vitest';
import { makeFormatters } from '../../client/src/format';

describe('wanShort', () => {
  const zh = makeFormatters('zh-CN');
  const en = makeFormatters('en');
  it('says 万元 below one 亿 and 亿元 from it, in Chinese', () => {
    expect(zh.wanShort(680)).toBe('680 万元');
    expect(zh.wanShort(9999.5)).toBe('9,999.5 万元');
    expect(zh.wanShort(10_000)).toBe('1 亿元');
    expect(zh.wanShort(432_100)).toBe('43.21 亿元');
    expect(zh.wanShort(null)).toBe('—');
  });
  it('says the amount in compact yuan in English, where the full one is long', () => {
    expect(en.wanShort(680)).toBe('CN¥6.8M');
    expect(en.wanShort(432_100)).toBe('CN¥4.3B');
    expect(en.wan(680)).toBe('CN¥6,800,000');
  });
});
