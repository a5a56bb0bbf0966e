/** Who is signed in, for every screen: name, role, township and what the role may do. */
import { useQuery } from '@tanstack/react-query';
import { trpc, type RouterOutputs } from '../../app/trpc.ts';

export type Me = NonNullable<RouterOutputs['auth']['me']>;
export type Permission = Me['permissions'][number];

export function useMe() {
  return useQuery({ ...trpc.auth.me.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
}

export function hasPermission(me: Me | null | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/** Any of the administrative duties (accounts, audit reading, business): the /admin page shows the ones held. */
export function hasAdminDuty(me: Me | null | undefined): boolean {
  return hasPermission(me, 'accounts') || hasPermission(me, 'audit') || hasPermission(me, 'business');
}

/** Township staff edit their own township; administrators every township. */
export function canEditTownship(me: Me | null | undefined, townshipCode: string): boolean {
  if (!me || !hasPermission(me, 'edit')) return false;
  return me.role === 'admin' || me.townshipCode === townshipCode;
}
