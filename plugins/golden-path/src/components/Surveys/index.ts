export { SurveysContent } from './SurveysContent';
