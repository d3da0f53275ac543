import { useApi } from '@backstage/core-plugin-api';
import { SurveyPrompt as Prompt } from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import { makeStyles } from '@material-ui/core/styles';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import LockOutlined from '@material-ui/icons/LockOutlined';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useCallback, useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { goldenPathApiRef } from '../../api';
import { errorMessage } from '../shared';
import { Answers, answersToSend, CampaignQuestions } from './CampaignQuestions';
import { StarRating } from './StarRating';

// Long enough to read the thanks, short enough not to linger.
const THANKS_MS = 4000;

const TITLE_ID = 'golden-path-prompt-title';

const useStyles = makeStyles(theme => ({
  root: {
    position: 'fixed',
    right: theme.spacing(3),
    bottom: theme.spacing(3),
    width: 400,
    maxWidth: `calc(100vw - ${theme.spacing(6)}px)`,
    maxHeight: `calc(100vh - ${theme.spacing(6)}px)`,
    overflowY: 'auto',
    padding: theme.spacing(2),
    // Above the page and its sidebar, below any dialog the user opens.
    zIndex: theme.zIndex.modal - 1,
  },
}));

/** The card at the bottom right, over a corner of the page only. */
function PromptCard(props: { title: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Paper
      component="section"
      aria-labelledby={TITLE_ID}
      elevation={8}
      className={classes.root}
    >
      <Typography variant="h6" component="h2" id={TITLE_ID} gutterBottom>
        {props.title}
      </Typography>
      {props.children}
    </Paper>
  );
}

function Thanks(props: { onClose: () => void }) {
  const { onClose } = props;
  useEffect(() => {
    const timer = setTimeout(onClose, THANKS_MS);
    return () => clearTimeout(timer);
  }, [onClose]);
  return (
    <PromptCard title="Thank you!">
      <Typography variant="body2" role="status">
        Your feedback helps the platform team improve the golden paths.
      </Typography>
    </PromptCard>
  );
}

/** Submit and "Not now", and why the last of them failed. */
function Actions(props: {
  canSubmit: boolean;
  busy: boolean;
  error?: Error;
  onSubmit: () => void;
  onDismiss: () => void;
}) {
  const { canSubmit, busy, error, onSubmit, onDismiss } = props;
  return (
    <Box display="flex" flexDirection="column" gridGap={8} mt={2}>
      {error && <Alert severity="error">{errorMessage(error)}</Alert>}
      <Box display="flex" justifyContent="flex-end" gridGap={8}>
        <Button onClick={onDismiss} disabled={busy}>
          Not now
        </Button>
        <Button
          variant="contained"
          color="primary"
          onClick={onSubmit}
          disabled={!canSubmit || busy}
        >
          Submit
        </Button>
      </Box>
    </Box>
  );
}

function CampaignPrompt(props: {
  prompt: Extract<Prompt, { kind: 'campaign' }>;
  onAnswered: () => void;
  onDismissed: () => void;
}) {
  const { prompt, onAnswered, onDismissed } = props;
  const { campaign } = prompt;
  const api = useApi(goldenPathApiRef);
  const [answers, setAnswers] = useState<Answers>({});
  const npsId = campaign.questions.find(q => q.type === 'nps')?.id;
  const [submitted, submit] = useAsyncFn(async () => {
    await api.answerSurveyCampaign(campaign.id, answersToSend(answers));
    onAnswered();
  }, [api, campaign.id, answers, onAnswered]);
  const [dismissed, dismiss] = useAsyncFn(async () => {
    await api.dismissSurveyCampaign(campaign.id);
    onDismissed();
  }, [api, campaign.id, onDismissed]);
  const busy = submitted.loading || dismissed.loading;
  return (
    <PromptCard title={campaign.title}>
      <Box display="flex" flexDirection="column" gridGap={12}>
        {campaign.description && (
          <Typography variant="body2">{campaign.description}</Typography>
        )}
        <Box display="flex" alignItems="center" gridGap={4}>
          <LockOutlined fontSize="small" color="action" aria-hidden />
          <Typography variant="caption" color="textSecondary">
            {campaign.anonymous
              ? 'Your answers are anonymous'
              : 'Your answers are stored with your name'}
          </Typography>
        </Box>
        <CampaignQuestions
          campaign={campaign}
          answers={answers}
          onChange={setAnswers}
          disabled={busy}
        />
      </Box>
      <Actions
        canSubmit={npsId !== undefined && typeof answers[npsId] === 'number'}
        busy={busy}
        error={submitted.error ?? dismissed.error}
        onSubmit={submit}
        onDismiss={dismiss}
      />
    </PromptCard>
  );
}

function TemplateRatingPrompt(props: {
  prompt: Extract<Prompt, { kind: 'template-rating' }>;
  onAnswered: () => void;
  onDismissed: () => void;
}) {
  const { prompt, onAnswered, onDismissed } = props;
  const { run } = prompt;
  const api = useApi(goldenPathApiRef);
  const [rating, setRating] = useState<number>();
  const [comment, setComment] = useState('');
  const [submitted, submit] = useAsyncFn(async () => {
    if (rating === undefined) {
      return;
    }
    const text = comment.trim();
    await api.ratePath({
      taskId: run.taskId,
      rating,
      ...(text ? { comment: text } : {}),
    });
    onAnswered();
  }, [api, run.taskId, rating, comment, onAnswered]);
  const [dismissed, dismiss] = useAsyncFn(async () => {
    await api.dismissPathRating(run.taskId);
    onDismissed();
  }, [api, run.taskId, onDismissed]);
  const busy = submitted.loading || dismissed.loading;
  return (
    <PromptCard title={`How was the ${run.pathTitle} golden path?`}>
      <Box display="flex" flexDirection="column" gridGap={12}>
        <StarRating
          id="golden-path-prompt-rating"
          question="Your rating, from 1 to 5 stars"
          value={rating}
          onChange={setRating}
          disabled={busy}
        />
        <TextField
          id="golden-path-prompt-comment"
          label="What could be better?"
          helperText="Optional"
          multiline
          minRows={2}
          variant="outlined"
          size="small"
          fullWidth
          disabled={busy}
          value={comment}
          onChange={event => setComment(event.target.value)}
        />
      </Box>
      <Actions
        canSubmit={rating !== undefined}
        busy={busy}
        error={submitted.error ?? dismissed.error}
        onSubmit={submit}
        onDismiss={dismiss}
      />
    </PromptCard>
  );
}

/**
 * The in-portal survey prompt: at most one question set at a time, a
 * campaign's or a rating of a golden path the user just ran, in a small
 * card at the bottom right. Renders nothing when there is nothing to ask.
 *
 * @public
 */
export function SurveyPrompt() {
  const api = useApi(goldenPathApiRef);
  // Asked once per page load; an optional prompt that fails to load stays
  // out of the user's way rather than showing an error they did not ask for.
  const { value } = useAsync(() => api.getSurveyPrompt(), [api]);
  const [state, setState] = useState<'asking' | 'thanked' | 'closed'>('asking');
  const onAnswered = useCallback(() => setState('thanked'), []);
  const close = useCallback(() => setState('closed'), []);
  const prompt = value?.prompt;
  if (!prompt || state === 'closed') {
    return null;
  }
  if (state === 'thanked') {
    return <Thanks onClose={close} />;
  }
  return prompt.kind === 'campaign' ? (
    <CampaignPrompt
      prompt={prompt}
      onAnswered={onAnswered}
      onDismissed={close}
    />
  ) : (
    <TemplateRatingPrompt
      prompt={prompt}
      onAnswered={onAnswered}
      onDismissed={close}
    />
  );
}
