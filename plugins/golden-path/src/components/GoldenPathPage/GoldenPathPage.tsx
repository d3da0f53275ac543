import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { Navigate, Route, Routes } from 'react-router-dom';
import { DashboardContent } from '../Dashboard';
import { SurveysContent } from '../Surveys';
import { TicketsContent } from '../Tickets';

/** A tab of the Golden Path page. */
interface GoldenPathTab {
  /** Relative to the page, without a leading slash. */
  path: string;
  title: string;
  element: JSX.Element;
}

// The first tab is where the page opens.
const TABS: GoldenPathTab[] = [
  { path: 'dashboard', title: 'Dashboard', element: <DashboardContent /> },
  { path: 'surveys', title: 'Surveys', element: <SurveysContent /> },
  { path: 'tickets', title: 'Support tickets', element: <TicketsContent /> },
];

/**
 * The Golden Path page of the platform team: the platform metrics
 * dashboard, what developers say about the golden paths in surveys, and the
 * support tickets they open, a tab each.
 *
 * @public
 */
export function GoldenPathPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Golden Path"
        subtitle="Adoption, delivery and what developers say about the golden paths"
      />
      <Routes>
        <Route index element={<Navigate to={TABS[0].path} replace />} />
        <Route
          path="*"
          element={
            <TabbedLayout>
              {TABS.map(tab => (
                <TabbedLayout.Route
                  key={tab.path}
                  path={tab.path}
                  title={tab.title}
                >
                  {tab.element}
                </TabbedLayout.Route>
              ))}
            </TabbedLayout>
          }
        />
      </Routes>
    </Page>
  );
}
