// The activities pages, one lazy chunk for the router.
export { ActivitiesPage } from './activities-page.tsx';
export { ActivityCalendarPage } from './activity-calendar-page.tsx';
export { ActivityStatsPage, FiveIntoBoardPage } from './activity-report-pages.tsx';
export { SignupsPage } from './signups-page.tsx';
export { RegistryPage } from './registry-page.tsx';
