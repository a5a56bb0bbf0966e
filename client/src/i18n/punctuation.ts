/**
 * Punctuation that joins pieces of text on screen, per language (spread into zh-CN.ts and en.ts):
 * Chinese full-width marks must not appear between English words, nor "; " between Chinese ones.
 * And the few words said in place of a Chinese reason the shared modules write.
 */
export const punctuationZhCN = {
  'punct.list': '；',
  'punct.names': '、',
  'punct.colon': '：',
  'punct.paren': '（{text}）',
  'selection.noValue': '无法计算',
};

export const punctuationEn: Record<keyof typeof punctuationZhCN, string> = {
  'punct.list': '; ',
  'punct.names': ', ',
  'punct.colon': ': ',
  'punct.paren': ' ({text})',
  'selection.noValue': 'No value for this selection (no compound counts)',
};
