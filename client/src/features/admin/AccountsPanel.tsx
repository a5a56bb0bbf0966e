/**
 * Accounts on /admin (the accounts duty): every account with its role, township, state, last
 * sign-in and open sessions; add one; disable / enable; reset a password (typed, or generated and
 * shown once); end a user's sessions. The server refuses what must not happen (disabling oneself,
 * the last account manager) with a Chinese line shown here; every change is audited there.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { shanghaiDateTime } from '../../../../shared/time/dates.ts';
import { trpc, trpcClient, type RouterOutputs } from '../../app/trpc.ts';
import { useMe } from '../auth/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { NewAccountForm } from './NewAccountForm.tsx';
import { OneTimeSecret } from './OneTimeSecret.tsx';
import './adminAccounts.css';

type Account = RouterOutputs['admin']['users'][number];

export function AccountsPanel() {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.admin.users.queryOptions());
  const townships = useQuery(trpc.geography.townships.queryOptions());
  const townshipName = new Map((townships.data ?? []).map((tw) => [tw.code, tw.name]));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);

  /** Runs a change; its result's Chinese line, or the server's refusal, shown above the table. */
  async function act(run: () => Promise<string>) {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await run() });
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
    await queryClient.invalidateQueries(trpc.admin.users.queryFilter());
  }

  const setDisabled = (u: Account, disabled: boolean) => {
    if (disabled && !window.confirm(t('accounts.confirmDisable', { username: u.username }))) return;
    void act(async () => {
      await trpcClient.admin.setUserDisabled.mutate({ username: u.username, disabled });
      return t(disabled ? 'accounts.disabledDone' : 'accounts.enabledDone', { username: u.username });
    });
  };
  const endSessions = (u: Account) =>
    void act(async () => {
      const { ended } = await trpcClient.admin.endSessions.mutate({ username: u.username });
      return t('accounts.sessionsEnded', { username: u.username, count: ended });
    });

  return (
    <section className="panel accounts-panel" data-testid="accounts">
      <h3>{t('admin.users')}</h3>
      <NewAccountForm />
      {message && (
        <p className={`form-result ${message.ok ? 'ok' : 'error'}`} role="alert" data-testid="accounts-message">
          {message.text}
        </p>
      )}
      <table className="data accounts-table">
        <thead>
          <tr>
            <th>{t('login.username')}</th>
            <th>{t('admin.name')}</th>
            <th>{t('admin.role')}</th>
            <th>{t('admin.township')}</th>
            <th>{t('admin.state')}</th>
            <th>{t('accounts.lastSignIn')}</th>
            <th className="num">{t('accounts.openSessions')}</th>
            <th>{t('accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <AccountRow
              key={u.id}
              user={u}
              self={me.data?.username === u.username}
              township={u.townshipCode ? (townshipName.get(u.townshipCode) ?? u.townshipCode) : ''}
              resetting={resetting === u.username}
              onReset={() => setResetting(resetting === u.username ? null : u.username)}
              onResetDone={() => setResetting(null)}
              onDisable={(disabled) => setDisabled(u, disabled)}
              onEndSessions={() => endSessions(u)}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AccountRow(props: {
  user: Account;
  self: boolean;
  township: string;
  resetting: boolean;
  onReset: () => void;
  onResetDone: () => void;
  onDisable: (disabled: boolean) => void;
  onEndSessions: () => void;
}) {
  const { t } = useI18n();
  const u = props.user;
  return (
    <>
      <tr data-testid="account-row" data-username={u.username} className={u.disabled ? 'muted' : ''}>
        <td>{u.username}</td>
        <td>{u.displayName}</td>
        <td>{t(`role.${u.role}`)}</td>
        <td>{props.township}</td>
        <td data-testid="account-state">
          {u.disabled ? t('admin.disabled') : t('admin.enabled')}
          {u.mustChangePassword && <span className="muted small">（{t('accounts.mustChange')}）</span>}
        </td>
        <td>{u.lastSignInAt ? shanghaiDateTime(u.lastSignInAt) : t('accounts.never')}</td>
        <td className="num">{u.openSessions}</td>
        <td className="account-actions">
          {u.disabled ? (
            <button type="button" className="button" onClick={() => props.onDisable(false)}>
              {t('accounts.enable')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              disabled={props.self}
              title={props.self ? t('accounts.notSelf') : undefined}
              onClick={() => props.onDisable(true)}
              data-testid="account-disable"
            >
              {t('accounts.disable')}
            </button>
          )}
          <button type="button" className="button" onClick={props.onReset} data-testid="account-reset">
            {t('accounts.resetPassword')}
          </button>
          <button
            type="button"
            className="button"
            disabled={u.openSessions === 0}
            onClick={props.onEndSessions}
            data-testid="account-end-sessions"
          >
            {t('accounts.endSessions')}
          </button>
        </td>
      </tr>
      {props.resetting && (
        <tr className="account-reset-row">
          <td colSpan={8}>
            <ResetPasswordForm username={u.username} onDone={props.onResetDone} />
          </td>
        </tr>
      )}
    </>
  );
}

function ResetPasswordForm({ username, onDone }: { username: string; onDone: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [oneTime, setOneTime] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit() {
    setError(null);
    try {
      const result = await trpcClient.admin.resetPassword.mutate({ username, ...(password ? { password } : {}) });
      setPassword('');
      if (result.oneTimePassword) setOneTime(result.oneTimePassword);
      else setDone(true);
      await queryClient.invalidateQueries(trpc.admin.users.queryFilter());
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (oneTime)
    return (
      <OneTimeSecret
        title={t('accounts.resetWithPassword', { username })}
        value={oneTime}
        testId="reset-one-time-password"
        onDone={onDone}
      />
    );
  if (done)
    return (
      <p className="form-result ok">
        {t('accounts.resetDone', { username })}{' '}
        <button type="button" className="button" onClick={onDone}>
          {t('accounts.secretDone')}
        </button>
      </p>
    );
  return (
    <form
      className="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <span>{t('accounts.resetFor', { username })}</span>
      <label className="field">
        {t('accounts.newPassword')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          placeholder={t('accounts.generateHint')}
          data-testid="reset-password-input"
        />
      </label>
      <button type="submit" className="button primary" data-testid="reset-password-submit">
        {t('accounts.resetConfirm')}
      </button>
      <button type="button" className="button" onClick={onDone}>
        {t('accounts.cancel')}
      </button>
      {error && (
        <p className="form-result error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
