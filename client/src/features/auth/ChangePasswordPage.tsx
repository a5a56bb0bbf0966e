/**
 * Changing one's own password: required before anything else when an administrator chose it (a
 * new account, a reset), and open from the user menu at any time. Then on to where the person was.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { hrefs } from '../../app/routes.ts';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';

export function ChangePasswordPage({ required }: { required: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [oldPassword, setOldPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: async () => {
        setOldPassword('');
        setNewPassword('');
        setRepeat('');
        // Every query refused while the change was pending is asked again.
        await queryClient.resetQueries();
        if (!required) navigate(hrefs.dashboard());
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(newPassword !== repeat);
    if (newPassword !== repeat) return;
    change.mutate({ oldPassword, newPassword });
  };
  return (
    <div className="page login-page">
      <form className="panel login-form" onSubmit={submit} data-testid="change-password-form">
        <h2>{t('password.title')}</h2>
        {required && (
          <p className="message small-message" data-testid="change-password-required">
            {t('password.required')}
          </p>
        )}
        <label>
          {t('password.old')}
          <input
            name="old-password"
            type="password"
            autoComplete="current-password"
            value={oldPassword}
            onChange={(e) => setOldPassword(e.target.value)}
            required
            autoFocus
            data-testid="old-password"
          />
        </label>
        <label>
          {t('password.new')}
          <input
            name="new-password"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            required
            data-testid="new-password"
          />
        </label>
        <label>
          {t('password.repeat')}
          <input
            name="repeat-password"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            required
            data-testid="repeat-password"
          />
        </label>
        <p className="muted small">{t('password.rule')}</p>
        {(mismatch || change.error) && (
          <p className="message error small-message" role="alert" data-testid="change-password-error">
            {mismatch ? t('password.mismatch') : change.error?.message}
          </p>
        )}
        <button
          type="submit"
          className="button primary"
          disabled={change.isPending}
          data-testid="change-password-submit"
        >
          {change.isPending ? t('password.saving') : t('password.submit')}
        </button>
        {!required && (
          <button type="button" className="link" onClick={() => navigate(hrefs.dashboard())}>
            {t('password.cancel')}
          </button>
        )}
      </form>
    </div>
  );
}
