// /bodies/:bodyId/posters?year=2026 — every selected project of the body's year, one A4 民生码 each, in one
// printable document (public).
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/mscode.css';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { usePublicList, usePublicProject, type ListedProject } from '../public/publicApi';
import { Poster } from './Poster';
import { LangSwitch } from '../../components/LangSwitch';

export default function YearPostersPage() {
  const { t } = useTranslation();
  const { bodyId = '' } = useParams();
  const [search] = useSearchParams();
  const year = Number(search.get('year')) || new Date().getFullYear();
  const list = usePublicList(bodyId, year);
  useTitle(t('mscode.yearTitle', { year }));
  if (list.isPending) return <Loading />;
  if (!list.data) return <main className="container" id="main"><ErrorBox error={list.error} /></main>;
  // the body's own selected projects of that year (not those of the bodies below, nor carried in from another year)
  const selected = list.data.filter((p) => p.status === 'selected' && p.bodyId === bodyId && p.year === year);
  return (
    <main className="mscode-sheets" id="main" data-testid="mscode-year">
      <h1 className="visually-hidden">{t('mscode.yearTitle', { year })}</h1>
      {selected.length ? selected.map((p) => (
        <YearPoster key={p.id} listed={p} />
      )) : <p className="muted">{t('mscode.none')}</p>}
      <p className="no-print mscode-actions"><LangSwitch /><button type="button" className="btn btn--primary" onClick={() => window.print()} data-testid="mscode-print">{t('mscode.printAll')}</button></p>
    </main>
  );
}

/** One sheet: the project's page gives the plan's completion date (the list has only the assessment's). */
function YearPoster({ listed: p }: { listed: ListedProject }) {
  const page = usePublicProject(p.id);
  const completionDate = page.data?.plan?.completionDate ?? page.data?.assessment?.completionDate ?? p.assessment?.completionDate ?? null;
  return <Poster project={{ id: p.id, title: p.title, department: p.department, year: p.year, bodyName: p.bodyName, completionDate }} />;
}
