// While a resident types a title: public projects like it and how many have asked the same (never texts).
import { useTranslation } from 'react-i18next';
import { useSimilar } from './collectionApi';

export function SimilarPanel({ bodyId, text }: { bodyId: string; text: string }) {
  const { t } = useTranslation();
  const similar = useSimilar(bodyId, text);
  if (!similar.data) return null;
  const { projects, suggestions } = similar.data;
  if (!projects.length && !suggestions) return null;
  return (
    <aside className="similar card" aria-live="polite" data-testid="similar-panel">
      {suggestions > 0 ? <p className="similar__count" data-testid="similar-count">{t('collection.similarCount', { count: suggestions })}</p> : null}
      {projects.length ? (
        <>
          <p className="small muted">{t('collection.similarProjects')}</p>
          <ul className="similar__list">
            {projects.map((p) => (
              <li key={p.id} data-testid="similar-project">
                <span>{p.title}</span>
                <span className="tag tag--muted">{p.year} · {t(`projectStatus.${p.status}`, { defaultValue: p.status })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
