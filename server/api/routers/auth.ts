/**
 * Signing in and out, and who is signed in: the only procedures open without a session; and
 * changing one's own password (a session is needed, and it is the one thing open while an
 * administrator's initial password has not been changed yet).
 */
import { z } from 'zod';
import { auditLogout, login } from '../../services/auth/login.ts';
import { changeOwnPassword } from '../../services/auth/passwordChange.ts';
import { permissionsOf, ROLE_NAMES } from '../../services/auth/roles.ts';
import { revokeSession } from '../../services/auth/sessions.ts';
import { checked } from '../checked.ts';
import { publicProcedure, router, sessionProcedure } from '../trpc.ts';

const loginInput = z.strictObject({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(100, '用户名过长'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(1000, '密码过长'),
});

const changePasswordInput = z.strictObject({
  oldPassword: z.string({ error: '请输入原密码' }).min(1, '请输入原密码').max(1000, '密码过长'),
  newPassword: z.string({ error: '请输入新密码' }).min(1, '请输入新密码').max(1000, '密码过长'),
});

export const authRouter = router({
  /** Checks the password (rate-limited) and sets the session cookie. */
  login: publicProcedure.input(checked(loginInput, '登录信息不完整')).mutation(async ({ ctx, input }) => {
    const result = await login(ctx.db, { ...input, ip: ctx.clientIp });
    ctx.cookies.set(result.token, result.expiresAt);
    const { actor } = result;
    return {
      displayName: actor.displayName,
      role: actor.role,
      roleName: ROLE_NAMES[actor.role],
      townshipCode: actor.townshipCode,
      mustChangePassword: actor.mustChangePassword === true,
    };
  }),
  /** Ends this browser's session. */
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) {
      await revokeSession(ctx.db, ctx.sessionToken);
      await auditLogout(ctx.db, ctx.actor, ctx.clientIp);
    }
    ctx.cookies.clear();
    return { ok: true };
  }),
  /** Who is signed in (null when nobody): name, role and what the role may do. */
  me: publicProcedure.query(({ ctx }) => {
    const actor = ctx.actor;
    if (!actor) return null;
    return {
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      roleName: ROLE_NAMES[actor.role],
      townshipCode: actor.townshipCode,
      via: actor.via,
      permissions: permissionsOf(actor.role),
      mustChangePassword: actor.mustChangePassword === true,
    };
  }),
  /** Changes the signed-in person's own password (old and new); their other sessions end. */
  changePassword: sessionProcedure
    .input(checked(changePasswordInput, '请填写原密码和新密码'))
    .mutation(async ({ ctx, input }) => {
      await changeOwnPassword(ctx.db, ctx.actor, input, ctx.sessionToken);
      return { ok: true };
    }),
});
