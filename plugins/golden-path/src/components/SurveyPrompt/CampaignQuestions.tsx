import { SurveyPrompt } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { NpsScale } from './NpsScale';
import { StarRating } from './StarRating';

type Campaign = Extract<SurveyPrompt, { kind: 'campaign' }>['campaign'];

/** Answers by question id: the score, ratings and text as typed. */
export type Answers = Record<string, number | string>;

/**
 * The answers to send: blank text left out, so that an optional question
 * left empty is not answered.
 */
export function answersToSend(answers: Answers): Answers {
  const sent: Answers = {};
  for (const [id, value] of Object.entries(answers)) {
    const kept = typeof value === 'string' ? value.trim() : value;
    if (kept !== '') {
      sent[id] = kept;
    }
  }
  return sent;
}

/**
 * A campaign's questions: the score first, the optional questions once a
 * score is picked so that the prompt stays small until the user engages.
 */
export function CampaignQuestions(props: {
  campaign: Campaign;
  answers: Answers;
  onChange: (answers: Answers) => void;
  disabled: boolean;
}) {
  const { campaign, answers, onChange, disabled } = props;
  const nps = campaign.questions.find(q => q.type === 'nps');
  const set = (id: string, value: number | string | undefined) => {
    const { [id]: _previous, ...rest } = answers;
    onChange(value === undefined ? rest : { ...rest, [id]: value });
  };
  if (!nps) {
    return null;
  }
  const scored = typeof answers[nps.id] === 'number';
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <NpsScale
        id={`golden-path-prompt-${nps.id}`}
        question={nps.text}
        value={answers[nps.id] as number | undefined}
        onChange={score => set(nps.id, score)}
        disabled={disabled}
      />
      {scored &&
        campaign.questions.map(question => {
          if (question.type === 'text') {
            return (
              <TextField
                key={question.id}
                id={`golden-path-prompt-${question.id}`}
                label={question.text}
                helperText="Optional"
                multiline
                minRows={2}
                variant="outlined"
                size="small"
                fullWidth
                disabled={disabled}
                value={answers[question.id] ?? ''}
                onChange={event => set(question.id, event.target.value)}
              />
            );
          }
          if (question.type === 'path-rating') {
            return (
              <StarRating
                key={question.id}
                id={`golden-path-prompt-${question.id}`}
                question={question.text}
                value={answers[question.id] as number | undefined}
                onChange={rating => set(question.id, rating)}
                disabled={disabled}
              />
            );
          }
          return null;
        })}
    </Box>
  );
}
