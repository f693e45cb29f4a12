import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './queryClient';
import './i18n';
import './styles/tokens.css';
import './styles/base.css';
import { Loading } from './components/Feedback';
import { TabletPage } from './pages/tablet/TabletPage';
import { NotFoundPage } from './pages/NotFoundPage';

// The tablet is the only eagerly loaded screen: everything else is fetched on demand so the
// voting page stays small.
const StaffLoginPage = lazy(() => import('./pages/staff/StaffLoginPage'));
const ConsolePage = lazy(() => import('./pages/console/ConsolePage'));
const ScreenPage = lazy(() => import('./pages/screen/ScreenPage'));
const PublicHomePage = lazy(() => import('./pages/public/PublicHomePage'));
const BodyResultsPage = lazy(() => import('./pages/public/BodyResultsPage'));
const ResultPage = lazy(() => import('./pages/public/ResultPage'));
const ProjectPage = lazy(() => import('./pages/public/ProjectPage'));
const DataPage = lazy(() => import('./pages/public/DataPage'));
const EvaluationsPage = lazy(() => import('./pages/public/EvaluationsPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const SuggestPage = lazy(() => import('./pages/collection/SuggestPage'));
const PosterPage = lazy(() => import('./pages/collection/PosterPage'));
const TrackPage = lazy(() => import('./pages/collection/TrackPage'));
const RepCardPage = lazy(() => import('./pages/reps/RepCardPage'));
const DepartmentPage = lazy(() => import('./pages/department/DepartmentPage'));
const NoticePage = lazy(() => import('./pages/notices/NoticePage'));
const ProjectPosterPage = lazy(() => import('./pages/mscode/ProjectPosterPage'));
const YearPostersPage = lazy(() => import('./pages/mscode/YearPostersPage'));

function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<PublicHomePage />} />
          <Route path="/bodies/:bodyId" element={<BodyResultsPage />} />
          <Route path="/results/:ballotId" element={<ResultPage />} />
          <Route path="/projects/:id" element={<ProjectPage />} />
          <Route path="/projects/:id/poster" element={<ProjectPosterPage />} />
          <Route path="/bodies/:bodyId/posters" element={<YearPostersPage />} />
          <Route path="/bodies/:bodyId/data" element={<DataPage />} />
          <Route path="/bodies/:bodyId/evaluations" element={<EvaluationsPage />} />
          <Route path="/suggest/:bodyId" element={<SuggestPage />} />
          <Route path="/suggest/:bodyId/poster" element={<PosterPage />} />
          <Route path="/track" element={<TrackPage />} />
          <Route path="/track/:code" element={<TrackPage />} />
          <Route path="/reps/:memberId" element={<RepCardPage />} />
          <Route path="/tablet" element={<TabletPage />} />
          <Route path="/tablet/:sessionId" element={<TabletPage />} />
          <Route path="/tablet/projects" element={<TabletPage view="projects" />} />
          <Route path="/tablet/projects/:projectId" element={<TabletPage view="projects" />} />
          <Route path="/tablet/inbox" element={<TabletPage view="inbox" />} />
          <Route path="/tablet/:sessionId/dossier" element={<TabletPage view="dossier" />} />
          <Route path="/staff" element={<StaffLoginPage />} />
          <Route path="/console" element={<ConsolePage />} />
          <Route path="/console/:sessionId" element={<ConsolePage />} />
          <Route path="/screen/:sessionId" element={<ScreenPage />} />
          <Route path="/admin/*" element={<AdminPage />} />
          <Route path="/dept" element={<DepartmentPage />} />
          <Route path="/notices/:id" element={<NoticePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
