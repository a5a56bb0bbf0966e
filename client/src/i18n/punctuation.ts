/**
 * Punctuation that joins pieces of text on screen, per language (spread into zh-CN.ts and en.ts):
 * Chinese full-width marks must not appear between English words, nor "; " between Chinese ones.
 */
export const punctuationZhCN = {
  'punct.list': '；',
  'punct.names': '、',
  'punct.colon': '：',
  'punct.paren': '（{text}）',
};

export const punctuationEn: Record<keyof typeof punctuationZhCN, string> = {
  'punct.list': '; ',
  'punct.names': ', ',
  'punct.colon': ': ',
  'punct.paren': ' ({text})',
};
