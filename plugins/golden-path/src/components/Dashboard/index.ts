export { DashboardContent } from './DashboardContent';
