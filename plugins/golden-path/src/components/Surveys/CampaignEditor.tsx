import { useApi } from '@backstage/core-plugin-api';
import {
  GoldenPathSummary,
  SurveyCampaign,
  SurveyQuestion,
} from '@golden-path/plugin-golden-path-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Add from '@material-ui/icons/Add';
import Delete from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { goldenPathApiRef } from '../../api';
import { useGoldenPaths } from '../../hooks/useGoldenPaths';
import { errorMessage, GroupPicker } from '../shared';
import { plural } from '../shared/format';
import {
  CampaignForm,
  campaignForm,
  campaignInput,
  newCampaignForm,
  newQuestionId,
  pathRatingQuestion,
} from './campaignForm';

const TITLE_ID = 'golden-path-campaign-editor-title';

function QuestionRow(props: {
  index: number;
  question: SurveyQuestion;
  paths: GoldenPathSummary[];
  disabled: boolean;
  onChange: (question: SurveyQuestion) => void;
  onRemove: () => void;
}) {
  const { index, question, paths, disabled, onChange, onRemove } = props;
  const label = `Question ${index + 1}`;
  return (
    <Box display="flex" gridGap={8} alignItems="flex-start">
      <TextField
        id={`golden-path-question-${question.id}`}
        label={
          question.type === 'text'
            ? `${label}: free text`
            : `${label}: path rating (1–5 stars)`
        }
        variant="outlined"
        size="small"
        fullWidth
        disabled={disabled}
        value={question.text}
        onChange={event => onChange({ ...question, text: event.target.value })}
      />
      {question.type === 'path-rating' && (
        <TextField
          id={`golden-path-question-${question.id}-path`}
          select
          label="Golden path"
          variant="outlined"
          size="small"
          style={{ minWidth: 200 }}
          disabled={disabled}
          value={question.pathId}
          onChange={event => {
            const pathId = event.target.value;
            const title = (id: string) =>
              paths.find(p => p.id === id)?.title ?? id;
            // Follow the new path unless the admin reworded the question.
            const text =
              question.text === pathRatingQuestion(title(question.pathId))
                ? pathRatingQuestion(title(pathId))
                : question.text;
            onChange({ ...question, pathId, text });
          }}
        >
          {paths.map(path => (
            <MenuItem key={path.id} value={path.id}>
              {path.title}
            </MenuItem>
          ))}
        </TextField>
      )}
      <IconButton
        aria-label={`Remove question ${index + 1}`}
        disabled={disabled}
        onClick={onRemove}
      >
        <Delete />
      </IconButton>
    </Box>
  );
}

/**
 * Creates or edits a survey campaign. Once a campaign has responses its
 * questions and anonymity are fixed, as the backend enforces; whatever else
 * the backend refuses is shown in its words.
 */
export function CampaignEditor(props: {
  /** The campaign to edit; a new one when absent. */
  campaign?: SurveyCampaign;
  onClose: () => void;
  onSaved: (campaign: SurveyCampaign) => void;
}) {
  const { campaign, onClose, onSaved } = props;
  const api = useApi(goldenPathApiRef);
  const paths = useGoldenPaths();
  const [form, setForm] = useState<CampaignForm>(() =>
    campaign ? campaignForm(campaign) : newCampaignForm(),
  );
  const [saved, save] = useAsyncFn(async () => {
    const input = campaignInput(form);
    const result = campaign
      ? await api.updateSurveyCampaign(campaign.id, input)
      : await api.createSurveyCampaign(input);
    onSaved(result);
  }, [api, campaign, form, onSaved]);

  const update = (changes: Partial<CampaignForm>) =>
    setForm(f => ({ ...f, ...changes }));
  const [nps, ...others] = form.questions;
  const setQuestions = (questions: SurveyQuestion[]) =>
    update({ questions: [nps, ...questions] });
  const locked = (campaign?.responses ?? 0) > 0;
  const pathList = paths.value ?? [];

  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby={TITLE_ID}
    >
      <DialogTitle id={TITLE_ID}>
        {campaign ? `Edit ${campaign.title}` : 'New survey campaign'}
      </DialogTitle>
      <DialogContent dividers>
        <Box display="flex" flexDirection="column" gridGap={24}>
          {saved.error && (
            <Alert severity="error">{errorMessage(saved.error)}</Alert>
          )}
          <TextField
            id="golden-path-campaign-title"
            label="Title"
            required
            variant="outlined"
            size="small"
            value={form.title}
            onChange={event => update({ title: event.target.value })}
          />
          <TextField
            id="golden-path-campaign-description"
            label="Description"
            helperText="Shown to people under the title: why you ask and what you will do with the answers."
            multiline
            minRows={2}
            variant="outlined"
            size="small"
            value={form.description}
            onChange={event => update({ description: event.target.value })}
          />

          <Box display="flex" flexDirection="column" gridGap={12}>
            <Typography variant="subtitle1" component="h3">
              Questions
            </Typography>
            {locked && (
              <Alert severity="info">
                This campaign has {plural(campaign?.responses ?? 0, 'response')}
                : its questions and whether it is anonymous can no longer
                change, so that every answer stays comparable and none given
                anonymously can be linked to its author.
              </Alert>
            )}
            <TextField
              id="golden-path-question-nps"
              label="Recommendation question (0–10, always asked first)"
              variant="outlined"
              size="small"
              disabled={locked}
              value={nps.text}
              onChange={event =>
                update({
                  questions: [{ ...nps, text: event.target.value }, ...others],
                })
              }
            />
            {others.map((question, i) => (
              <QuestionRow
                key={question.id}
                index={i + 1}
                question={question}
                paths={pathList}
                disabled={locked}
                onChange={changed =>
                  setQuestions(others.map(q => (q === question ? changed : q)))
                }
                onRemove={() =>
                  setQuestions(others.filter(q => q !== question))
                }
              />
            ))}
            <Box display="flex" gridGap={8} flexWrap="wrap">
              <Button
                startIcon={<Add />}
                disabled={locked}
                onClick={() =>
                  setQuestions([
                    ...others,
                    {
                      id: newQuestionId(form.questions, 'text'),
                      type: 'text',
                      text: 'What should we improve first?',
                    },
                  ])
                }
              >
                Add text question
              </Button>
              <Button
                startIcon={<Add />}
                disabled={locked || pathList.length === 0}
                onClick={() =>
                  setQuestions([
                    ...others,
                    {
                      id: newQuestionId(form.questions, 'path'),
                      type: 'path-rating',
                      pathId: pathList[0].id,
                      text: pathRatingQuestion(pathList[0].title),
                    },
                  ])
                }
              >
                Add path rating
              </Button>
            </Box>
            {paths.error && (
              <FormHelperText error>
                Could not load the golden paths to rate:{' '}
                {errorMessage(paths.error)}
              </FormHelperText>
            )}
          </Box>

          <FormControl component="fieldset">
            <FormLabel component="legend">Audience</FormLabel>
            <RadioGroup
              row
              value={form.audience}
              onChange={event =>
                update({ audience: event.target.value as 'all' | 'groups' })
              }
            >
              <FormControlLabel
                value="all"
                control={<Radio />}
                label="All users"
              />
              <FormControlLabel
                value="groups"
                control={<Radio />}
                label="Members of groups"
              />
            </RadioGroup>
            {form.audience === 'groups' && (
              <GroupPicker
                id="golden-path-campaign-groups"
                label="Groups"
                helperText="Their members and the members of their sub-groups."
                multiple
                value={form.groups}
                onChange={groups => update({ groups })}
              />
            )}
          </FormControl>

          <Box display="flex" gridGap={16} flexWrap="wrap">
            <TextField
              id="golden-path-campaign-opens"
              label="Opens"
              type="datetime-local"
              variant="outlined"
              size="small"
              InputLabelProps={{ shrink: true }}
              value={form.opensAt}
              onChange={event => update({ opensAt: event.target.value })}
            />
            <TextField
              id="golden-path-campaign-closes"
              label="Closes"
              type="datetime-local"
              variant="outlined"
              size="small"
              InputLabelProps={{ shrink: true }}
              value={form.closesAt}
              onChange={event => update({ closesAt: event.target.value })}
            />
          </Box>

          <FormControl>
            <FormControlLabel
              control={
                <Switch
                  checked={form.anonymous}
                  disabled={locked}
                  onChange={event =>
                    update({ anonymous: event.target.checked })
                  }
                />
              }
              label="Anonymous"
            />
            <FormHelperText>
              {form.anonymous
                ? 'No name is stored with the answers. Comments show the quarter rather than the day, and a team only when it has enough responses.'
                : 'Each answer is stored with the name of who gave it.'}
            </FormHelperText>
          </FormControl>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saved.loading}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          onClick={save}
          disabled={saved.loading}
        >
          {campaign ? 'Save changes' : 'Create campaign'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
