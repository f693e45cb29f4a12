import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TopBar } from '../components/TopBar';
import { useTitle } from '../components/Feedback';

export function NotFoundPage() {
  const { t } = useTranslation();
  useTitle(t('notFound.title'));
  return (
    <div className="page">
      <TopBar home />
      <main className="container" id="main">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <p>
          <Link to="/">{t('notFound.home')}</Link>
        </p>
      </main>
    </div>
  );
}
