/**
 * Messages of the page layout on small screens (side panels folded away, the drawing hint), kept
 * apart from the main catalogue; zh-CN.ts and en.ts spread them in, so the keys are checked like
 * every other.
 */
export const layoutZh = {
  'panel.collapse': '收起“{title}”',
  'panel.expand': '展开“{title}”',
} as const;

export const layoutEn: Record<keyof typeof layoutZh, string> = {
  'panel.collapse': 'Collapse “{title}”',
  'panel.expand': 'Expand “{title}”',
};
