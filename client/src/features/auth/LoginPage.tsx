/** `/login`: username and password; on success back to where the person was going. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { navigate } from 'wouter/use-browser-location';
import { loginNext } from '../../app/routes.ts';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        setPassword('');
        await queryClient.resetQueries();
        navigate(loginNext(window.location.search));
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username, password });
  };
  return (
    <div className="page login-page">
      <form className="panel login-form" onSubmit={submit} data-testid="login-form">
        <h2>{t('login.title')}</h2>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
            data-testid="login-username"
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
            data-testid="login-password"
          />
        </label>
        {login.error && (
          <p className="message error small-message" role="alert" data-testid="login-error">
            {login.error.message}
          </p>
        )}
        <button type="submit" className="button primary" disabled={login.isPending} data-testid="login-submit">
          {login.isPending ? t('login.signingIn') : t('login.submit')}
        </button>
        <p className="muted small">{t('login.hint')}</p>
      </form>
    </div>
  );
}
