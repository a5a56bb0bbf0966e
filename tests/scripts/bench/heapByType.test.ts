/** The wall soak's split of a V8 heap snapshot: bytes by node type, as DevTools' Summary groups them. */
import { describe, expect, it } from 'vitest';
import { heapByType } from '../../../scripts/bench/heapByType.ts';

describe('heapByType', () => {
  it('adds up self sizes by node type, whatever the order of the node fields', () => {
    const snapshot = {
      snapshot: {
        meta: {
          node_fields: ['name', 'self_size', 'type', 'id'],
          node_types: [['hidden', 'object', 'code', 'native']],
        },
      },
      // name, self_size, type, id — one node per row
      nodes: [0, 100, 1, 1, 0, 250, 2, 2, 0, 50, 1, 3, 0, 4000, 3, 4, 0, 30, 2, 5],
    };
    const bytes = heapByType(JSON.stringify(snapshot));
    expect(Object.fromEntries(bytes)).toEqual({ object: 150, code: 280, native: 4000 });
  });
});
