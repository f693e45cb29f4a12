// When the last backup was taken (npm run backup records it), for the deployment's administrator: a quiet line
// while backups are recent, a warning after a week without one (docs/RELIABILITY.md "Backup and restore").
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useFormat } from '../../format';

export function BackupReminder({ token }: { token: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useQuery({ queryKey: ['backups', 'last'], queryFn: () => call('GET /api/backups/last', { token }), staleTime: 300_000 });
  if (!q.data) return null;
  const { last, days, overdue } = q.data;
  const when = last ? t('admin.backup.when', { date: f.dateTime(last.at), days }) : '';
  if (!overdue && last) return <p className="admin-backup" data-testid="backup-ok">{t('admin.backup.ok', { when })}</p>;
  return (
    <div className="alert alert--warn admin-backup" role="status" data-testid="backup-overdue">
      {last ? t('admin.backup.overdue', { when, days }) : t('admin.backup.never')}
      {t('admin.backup.how')}
    </div>
  );
}
