/**
 * Adding an account on /admin: user name, name, role (the seven, in Chinese) and, for township
 * staff, their township from the city's list. The password is optional: left empty, the server
 * makes a one-time password shown once. Either way the person changes it at first sign-in.
 * Every check is the server's; its Chinese refusal is shown under the form.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { trpc, trpcClient } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import { OneTimeSecret } from './OneTimeSecret.tsx';

export const ROLES = [
  'leader',
  'analyst',
  'township_staff',
  'business_admin',
  'system_admin',
  'security_auditor',
  'admin',
] as const;
type Role = (typeof ROLES)[number];

export function NewAccountForm() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const townships = useQuery(trpc.geography.townships.queryOptions());
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('township_staff');
  const [townshipCode, setTownshipCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ username: string; oneTimePassword: string | null } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await trpcClient.admin.addUser.mutate({
        username,
        displayName,
        role,
        townshipCode: role === 'township_staff' && townshipCode ? townshipCode : null,
        ...(password ? { password } : {}),
      });
      setCreated({ username: result.user.username, oneTimePassword: result.oneTimePassword });
      setUsername('');
      setDisplayName('');
      setPassword('');
      await queryClient.invalidateQueries(trpc.admin.users.queryFilter());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="edit-form account-form" onSubmit={(e) => void submit(e)} data-testid="new-account">
      <label className="field">
        {t('login.username')}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="off"
          data-testid="new-account-username"
        />
      </label>
      <label className="field">
        {t('admin.name')}
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} data-testid="new-account-name" />
      </label>
      <label className="field">
        {t('admin.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="new-account-role">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {role === 'township_staff' && (
        <label className="field">
          {t('admin.township')}
          <select
            value={townshipCode}
            onChange={(e) => setTownshipCode(e.target.value)}
            data-testid="new-account-township"
          >
            <option value="">{t('accounts.chooseTownship')}</option>
            {(townships.data ?? []).map((tw) => (
              <option key={tw.code} value={tw.code}>
                {tw.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        {t('accounts.initialPassword')}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          placeholder={t('accounts.generateHint')}
          data-testid="new-account-password"
        />
      </label>
      <button type="submit" className="button primary" disabled={busy} data-testid="new-account-submit">
        {t('accounts.add')}
      </button>
      {error && (
        <p className="form-result error" role="alert" data-testid="new-account-error">
          {error}
        </p>
      )}
      {created && (
        <div className="form-result">
          {created.oneTimePassword ? (
            <OneTimeSecret
              title={t('accounts.createdWithPassword', { username: created.username })}
              value={created.oneTimePassword}
              testId="one-time-password"
              onDone={() => setCreated(null)}
            />
          ) : (
            <p className="ok" data-testid="new-account-done">
              {t('accounts.created', { username: created.username })}
            </p>
          )}
        </div>
      )}
    </form>
  );
}
