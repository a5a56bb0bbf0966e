/** Pure: reads a V8 heap snapshot's JSON (no browser or server), so its test runs in the fast project. */
interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** Bytes by V8's node type ("code", "object", "closure", "string", …) in a heap snapshot, as DevTools' Summary groups them. */
export function heapByType(snapshotText: string): Map<string, number> {
  const json = JSON.parse(snapshotText) as HeapSnapshotJson;
  const fields = json.snapshot.meta.node_fields;
  const typeNames = json.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const bytes = new Map<string, number>();
  for (let i = 0; i < json.nodes.length; i += width) {
    const type = typeNames[json.nodes[i + typeAt]!] ?? 'unknown';
    bytes.set(type, (bytes.get(type) ?? 0) + json.nodes[i + sizeAt]!);
  }
  return bytes;
}
