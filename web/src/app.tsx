// Routes. Every page is a lazy chunk so the first page loads only what it draws.
import { lazy, Suspense, type ComponentType } from 'react';
import { AuthProvider } from './auth.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { matchPath, useLocation } from './router.tsx';
import { Header } from './components/header.tsx';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Loading, NotFound } from './components/status.tsx';

const TimelinePage = lazy(() => import('./timeline/timeline-page.tsx').then((m) => ({ default: m.TimelinePage })));
const AgreementsPage = lazy(() => import('./agreements/agreements-page.tsx').then((m) => ({ default: m.AgreementsPage })));
const AgreementPage = lazy(() => import('./agreements/agreement-page.tsx').then((m) => ({ default: m.AgreementPage })));
const CommitmentsPage = lazy(() => import('./commitments/commitments-page.tsx').then((m) => ({ default: m.CommitmentsPage })));
const CommitmentPage = lazy(() => import('./commitment/commitment-page.tsx').then((m) => ({ default: m.CommitmentPage })));
const AboutPage = lazy(() => import('./about/about-page.tsx').then((m) => ({ default: m.AboutPage })));
const CheckerPage = lazy(() => import('./checker/checker-page.tsx').then((m) => ({ default: m.CheckerPage })));
const EditorHome = lazy(() => import('./editor/editor-home.tsx').then((m) => ({ default: m.EditorHome })));
const EditPage = lazy(() => import('./editor/edit-page.tsx').then((m) => ({ default: m.EditPage })));

type Route = [pattern: string, page: ComponentType<{ params: Record<string, string> }>];

const ROUTES: Route[] = [
  ['/', TimelinePage],
  ['/agreements', AgreementsPage],
  ['/agreements/:id', AgreementPage],
  ['/commitments', CommitmentsPage],
  ['/commitments/:id', CommitmentPage],
  ['/about', AboutPage],
  ['/check', CheckerPage],
  ['/edit', EditorHome],
  ['/edit/:kind/new', EditPage],
  ['/edit/:kind/:id', EditPage],
];

function Routes() {
  const { path } = useLocation();
  for (const [pattern, Page] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) {
      return (
        <ErrorBoundary key={pattern}>
          <Suspense fallback={<Loading />}>
            <Page params={params} />
          </Suspense>
        </ErrorBoundary>
      );
    }
  }
  return <NotFound />;
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <Header />
        <main id="main" tabIndex={-1}>
          <Routes />
        </main>
      </AuthProvider>
    </I18nProvider>
  );
}
