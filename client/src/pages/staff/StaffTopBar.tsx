import { useTranslation } from 'react-i18next';
import type { StaffUser } from '../../api';
import { TopBar } from '../../components/TopBar';

/** A staff screen's top bar: its title, who is signed in (name · role, or what `who` says) and 退出登录. */
export function StaffTopBar({ title, user, who, whoClass, onSignOut }: { title: string; user: StaffUser | null; who?: string | null; whoClass: string; onSignOut: () => void }) {
  const { t } = useTranslation();
  return (
    <TopBar title={title}>
      {user ? <span className={whoClass} data-testid="staff-name">{user.username} · {who ?? t(`role.${user.role}`)}</span> : null}
      <button type="button" className="btn btn--ghost" onClick={onSignOut} data-testid="signout-button">{t('common.signOut')}</button>
    </TopBar>
  );
}
