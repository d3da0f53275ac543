import { CheckResult } from '@golden-path/plugin-golden-path-common';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import ExpandMore from '@material-ui/icons/ExpandMore';
import { CheckInputs } from './CheckInputs';
import { ExemptionNote } from './ExemptionNote';
import { Remediation } from './Remediation';
import { VerdictLabel } from './VerdictLabel';

/**
 * One check, its verdict in the summary; expanding it shows why (the values
 * it read) and what to do (remediation), or the exemption it is under.
 */
export function CheckAccordion(props: {
  check: CheckResult;
  defaultExpanded?: boolean;
}) {
  const { check } = props;
  const id = `golden-path-check-${check.id}`;
  return (
    <Accordion defaultExpanded={props.defaultExpanded} variant="outlined">
      <AccordionSummary
        expandIcon={<ExpandMore />}
        aria-controls={`${id}-details`}
        id={`${id}-summary`}
      >
        <Box display="flex" alignItems="center" gridGap={12} flexWrap="wrap">
          <VerdictLabel verdict={check.verdict} />
          <Typography variant="body2" component="span">
            <strong>{check.title}</strong>
            {check.level && <> · {check.level}</>}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id={`${id}-details`}>
        <Box display="flex" flexDirection="column" gridGap={8} minWidth={0}>
          {check.description && (
            <Typography variant="body2" color="textSecondary">
              {check.description}
            </Typography>
          )}
          {check.verdict === 'exempt' ? (
            <ExemptionNote check={check} />
          ) : (
            check.verdict !== 'pass' && <Remediation check={check} />
          )}
          {check.verdict === 'unknown' && (
            <Typography variant="body2" color="textSecondary">
              A fact this check needs was not available, so it counts neither
              for nor against the score.
            </Typography>
          )}
          <CheckInputs check={check} />
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
