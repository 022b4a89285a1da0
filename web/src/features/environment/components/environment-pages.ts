// The environment feature's pages, one lazy chunk for the router.
export { MonitoringPage } from './monitoring-page.tsx';
export { ImportsPage } from './imports-page.tsx';
export { DischargersPage } from './dischargers-page.tsx';
export { OverduePage } from './overdue-page.tsx';
export { IncidentsPage } from './incidents-page.tsx';
export { CalendarPage } from './calendar-page.tsx';
