// /projects/:id/poster — the 民生码 of one project, printable on A4 (public).
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../../styles/mscode.css';
import { Loading, useTitle } from '../../components/Feedback';
import { ErrorBox } from '../../components/ErrorBox';
import { usePublicProject } from '../public/publicApi';
import { Poster } from './Poster';
import { LangSwitch } from '../../components/LangSwitch';

export default function ProjectPosterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const project = usePublicProject(id);
  useTitle(project.data ? `${project.data.title} · ${t('mscode.title')}` : t('mscode.title'));
  if (project.isPending) return <Loading />;
  if (!project.data) return <main className="container" id="main"><ErrorBox error={project.error} /></main>;
  const p = project.data;
  return (
    <main className="mscode-sheets" id="main" data-testid="mscode-page">
      <h1 className="visually-hidden">{t('mscode.title')}</h1>
      <Poster project={{ id: p.id, title: p.title, department: p.department, year: p.year, bodyName: p.bodyName, completionDate: p.plan?.completionDate ?? p.assessment?.completionDate ?? null }} />
      <p className="no-print mscode-actions"><LangSwitch /><button type="button" className="btn btn--primary" onClick={() => window.print()} data-testid="mscode-print">{t('mscode.print')}</button></p>
    </main>
  );
}
