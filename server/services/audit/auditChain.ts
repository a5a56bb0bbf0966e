/**
 * The audit log's hash chain (migration audit_log_chain): each row carries the previous row's hash
 * and its own, SHA-256 over that and the row's canonical content, both computed by the database
 * when the row is inserted. Verifying recomputes every hash with the same database function and
 * finds the first row that was changed, removed (a gap in `seq`) or inserted out of the chain.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { queryRows } from '../../db/rows.ts';

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainVerdict =
  | { intact: true; rows: number }
  | { intact: false; rows: number; id: number | null; seq: number; at: string | null; reason: string };

type BrokenRow = {
  id: number | string;
  seq: number | string;
  previous_seq: number | string;
  at: Date | string;
  reason: string;
};

export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  // One pass in the database, in chain order; only the first broken row comes back.
  const [broken] = await queryRows<BrokenRow>(
    db,
    sql`with chain as (
          select id, seq, at, prev_hash, hash, onemap_audit_row_hash(prev_hash, a) as recomputed,
                 lag(seq, 1, 0::bigint) over (order by seq) as previous_seq,
                 lag(hash, 1, ${GENESIS_HASH}) over (order by seq) as previous_hash
          from audit_log a)
        select id, seq, previous_seq, at,
               case when seq <> previous_seq + 1 then 'missing'
                    when prev_hash <> previous_hash then 'link'
                    else 'content' end as reason
        from chain
        where seq <> previous_seq + 1 or prev_hash <> previous_hash or hash <> recomputed
        order by seq limit 1`,
  );
  const [totals] = await queryRows<{
    rows: number | string;
    last_seq: number | string | null;
    last_hash: string | null;
    head_seq: number | string | null;
    head_hash: string | null;
  }>(
    db,
    sql`select (select count(*) from audit_log) as rows,
               (select seq from audit_log order by seq desc limit 1) as last_seq,
               (select hash from audit_log order by seq desc limit 1) as last_hash,
               (select seq from audit_chain_head) as head_seq,
               (select hash from audit_chain_head) as head_hash`,
  );
  const rows = Number(totals?.rows ?? 0);
  if (broken) {
    const reasons: Record<string, string> = {
      missing: `之前缺少 ${Number(broken.seq) - Number(broken.previous_seq) - 1} 条记录（被删除）`,
      link: '与前一条记录的散列不相接（前一条被改动、删除或插入了记录）',
      content: '内容与其散列不符（记录被改动）',
    };
    return {
      intact: false,
      rows,
      id: Number(broken.id),
      seq: Number(broken.seq),
      at: new Date(broken.at).toISOString(),
      reason: reasons[broken.reason] ?? broken.reason,
    };
  }
  // Rows removed from the end leave no later row to notice: the chain head remembers the last one.
  const lastSeq = Number(totals?.last_seq ?? 0);
  const headSeq = Number(totals?.head_seq ?? 0);
  if (lastSeq !== headSeq || (totals?.last_hash ?? GENESIS_HASH) !== (totals?.head_hash ?? GENESIS_HASH)) {
    return {
      intact: false,
      rows,
      id: null,
      seq: headSeq,
      at: null,
      reason:
        lastSeq < headSeq
          ? `最后 ${headSeq - lastSeq} 条记录缺失（链头记录到第 ${headSeq} 条）`
          : '链头与最后一条记录不符',
    };
  }
  return { intact: true, rows };
}

/** One line for a person: where the chain breaks, or how many rows it holds. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.intact) return `审计日志完整：${verdict.rows} 条`;
  const where =
    verdict.id === null
      ? `第 ${verdict.seq} 条之后`
      : `第 ${verdict.seq} 条（id ${verdict.id}，${formatShanghai(verdict.at!)}）`;
  return `审计日志不完整：${where}${verdict.reason}`;
}

function formatShanghai(iso: string): string {
  return `${new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）`;
}
