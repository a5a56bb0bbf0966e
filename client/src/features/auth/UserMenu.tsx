/** The signed-in person in the top bar: name, role, changing the password, and logging out. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { navigate } from 'wouter/use-browser-location';
import { hrefs } from '../../app/routes.ts';
import { trpc } from '../../app/trpc.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { Me } from './session.ts';

export function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        navigate(hrefs.login());
      },
    }),
  );
  return (
    <span className="user-menu" data-testid="user-menu">
      <span className="user-name" data-testid="user-name">
        {me.displayName}
      </span>
      <span className="badge badge-approx" data-testid="user-role">
        {t(`role.${me.role}`)}
      </span>
      {me.via === 'session' && (
        <button type="button" className="link" onClick={() => navigate(hrefs.password())} data-testid="change-password">
          {t('password.menu')}
        </button>
      )}
      {me.via === 'session' && (
        <button
          type="button"
          className="link"
          onClick={() => logout.mutate()}
          disabled={logout.isPending}
          data-testid="logout"
        >
          {t('login.logout')}
        </button>
      )}
    </span>
  );
}
