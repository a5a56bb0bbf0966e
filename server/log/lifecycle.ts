/** The lines that mark the server's life: started (where, on what, which version). */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../db/connection.ts';
import { log, ONEMAP_VERSION } from './logger.ts';

export function logServerStart(
  running: { server: Server; url: string } | { address: AddressInfo; url: string },
  database: Pick<Database, 'kind' | 'location'>,
  extra: { workers?: number; replicaLocation?: string | undefined } = {},
): void {
  const address = 'server' in running ? (running.server.address() as AddressInfo | null) : running.address;
  log.info(
    {
      event: 'server.start',
      workers: extra.workers ?? 1,
      ...(extra.replicaLocation ? { replicaLocation: extra.replicaLocation } : {}),
      url: running.url,
      host: address?.address ?? null,
      port: address?.port ?? null,
      // The data directory, or host:port/database — never the connection string (it may hold a password).
      database: database.kind,
      databaseLocation: database.location,
      version: ONEMAP_VERSION,
      node: process.version,
    },
    'OneMap 已启动',
  );
}
