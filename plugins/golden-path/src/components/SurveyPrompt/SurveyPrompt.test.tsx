import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { SurveyPromptResponse } from '@golden-path/plugin-golden-path-common';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { UserEvent } from '@testing-library/user-event';
import { GoldenPathApi, goldenPathApiRef } from '../../api';
import { responseError } from '../../__testUtils__/responseError';
import { SurveyPrompt } from './SurveyPrompt';

// No pause between keystrokes: the tests wait for what the user sees.
let user: UserEvent;
beforeEach(() => {
  user = userEvent.setup({ delay: null });
});

const campaignPrompt: SurveyPromptResponse = {
  prompt: {
    kind: 'campaign',
    campaign: {
      id: 'q4',
      title: 'Developer experience, Q4 2026',
      description: 'Four questions, two minutes.',
      anonymous: true,
      closesAt: '2026-12-15T00:00:00.000Z',
      questions: [
        {
          id: 'nps',
          type: 'nps',
          text: 'How likely are you to recommend our golden paths to a colleague?',
        },
        { id: 'improve', type: 'text', text: 'What should we improve first?' },
        { id: 'else', type: 'text', text: 'Anything else?' },
        {
          id: 'node-rating',
          type: 'path-rating',
          text: 'How would you rate the Node.js service golden path?',
          pathId: 'node-service',
        },
      ],
    },
  },
};

const ratingPrompt: SurveyPromptResponse = {
  prompt: {
    kind: 'template-rating',
    run: {
      taskId: 'task-9',
      templateRef: 'template:default/node-service',
      pathId: 'node-service',
      pathTitle: 'Node.js service',
    },
  },
};

function fakeApi(
  prompt: SurveyPromptResponse,
  overrides: Partial<GoldenPathApi> = {},
) {
  return {
    getSurveyPrompt: jest.fn(async () => prompt),
    answerSurveyCampaign: jest.fn(
      overrides.answerSurveyCampaign ?? (async () => ({ replaced: false })),
    ),
    dismissSurveyCampaign: jest.fn(async () => {}),
    ratePath: jest.fn(async () => ({ replaced: false })),
    dismissPathRating: jest.fn(async () => {}),
  };
}

function renderWith(api: Partial<GoldenPathApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathApiRef, api]]}>
      <SurveyPrompt />
    </TestApiProvider>,
  );
}

const prompt = () =>
  screen.findByRole('region', { name: 'Developer experience, Q4 2026' });

describe('SurveyPrompt', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('renders nothing when there is nothing to ask', async () => {
    const api = fakeApi({});
    await renderWith(api);
    await waitFor(() => expect(api.getSurveyPrompt).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('renders nothing when the prompt cannot be loaded', async () => {
    const api = {
      getSurveyPrompt: jest.fn(async () => {
        throw new Error('backend down');
      }),
    };
    await renderWith(api);
    await waitFor(() => expect(api.getSurveyPrompt).toHaveBeenCalled());
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByText(/backend down/)).not.toBeInTheDocument();
  });

  it('asks for a score first, then the optional questions, and posts exactly what was answered', async () => {
    const api = fakeApi(campaignPrompt);
    await renderWith(api);
    const card = await prompt();
    expect(card).toHaveTextContent('Four questions, two minutes.');
    expect(card).toHaveTextContent('Your answers are anonymous');
    const scale = within(card).getByRole('group', {
      name: 'How likely are you to recommend our golden paths to a colleague?',
    });
    expect(within(scale).getAllByRole('button')).toHaveLength(11);
    expect(card).toHaveTextContent('Not at all likely');
    expect(card).toHaveTextContent('Extremely likely');
    expect(
      within(card).queryByLabelText('What should we improve first?'),
    ).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Submit' })).toBeDisabled();

    await user.click(within(scale).getByRole('button', { name: '9' }));
    expect(within(scale).getByRole('button', { name: '9' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(scale).getByRole('button', { name: '8' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    await user.click(
      within(card).getByLabelText('What should we improve first?'),
    );
    await user.paste('  Faster CI ');
    await user.click(within(card).getByLabelText('Anything else?'));
    await user.paste('   ');
    const stars = within(card).getByRole('radiogroup', {
      name: 'How would you rate the Node.js service golden path?',
    });
    await user.click(within(stars).getByLabelText('4 Stars'));
    await user.click(within(card).getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('Thank you!')).toBeInTheDocument();
    expect(api.answerSurveyCampaign).toHaveBeenCalledWith('q4', {
      nps: 9,
      improve: 'Faster CI',
      'node-rating': 4,
    });
    expect(api.dismissSurveyCampaign).not.toHaveBeenCalled();
  });

  it('thanks the user, then goes away', async () => {
    jest.useFakeTimers();
    await renderWith(fakeApi(campaignPrompt));
    const card = await prompt();
    await user.click(within(card).getByRole('button', { name: '3' }));
    await user.click(within(card).getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText('Thank you!')).toBeInTheDocument();
    act(() => {
      jest.advanceTimersByTime(4000);
    });
    expect(screen.queryByText('Thank you!')).not.toBeInTheDocument();
  });

  it('stops asking when the user says not now, without answering', async () => {
    const api = fakeApi(campaignPrompt);
    await renderWith(api);
    const card = await prompt();
    await user.click(within(card).getByRole('button', { name: 'Not now' }));
    await waitFor(() =>
      expect(screen.queryByRole('region')).not.toBeInTheDocument(),
    );
    expect(api.dismissSurveyCampaign).toHaveBeenCalledWith('q4');
    expect(api.answerSurveyCampaign).not.toHaveBeenCalled();
  });

  it('says when an identified campaign stores the name', async () => {
    const identified: SurveyPromptResponse = {
      prompt: {
        kind: 'campaign',
        campaign: {
          ...(campaignPrompt.prompt as any).campaign,
          anonymous: false,
        },
      },
    };
    await renderWith(fakeApi(identified));
    expect(await prompt()).toHaveTextContent(
      'Your answers are stored with your name',
    );
    expect(screen.queryByText('Your answers are anonymous')).toBeNull();
  });

  it('shows why an answer was refused and keeps the answers', async () => {
    const error = await responseError(
      409,
      'ConflictError',
      "Survey campaign 'q4' is closed",
    );
    const api = fakeApi(campaignPrompt, {
      answerSurveyCampaign: async () => {
        throw error;
      },
    });
    await renderWith(api);
    const card = await prompt();
    await user.click(within(card).getByRole('button', { name: '10' }));
    await user.click(within(card).getByRole('button', { name: 'Submit' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(
      "Survey campaign 'q4' is closed",
    );
    expect(within(card).getByRole('button', { name: '10' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(card).getByRole('button', { name: 'Submit' })).toBeEnabled();
  });

  it('asks to rate the golden path of a template just run', async () => {
    const api = fakeApi(ratingPrompt);
    await renderWith(api);
    const card = await screen.findByRole('region', {
      name: 'How was the Node.js service golden path?',
    });
    expect(within(card).getByRole('button', { name: 'Submit' })).toBeDisabled();
    await user.click(within(card).getByLabelText('5 Stars'));
    await user.type(
      within(card).getByLabelText('What could be better?'),
      'Smooth',
    );
    await user.click(within(card).getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText('Thank you!')).toBeInTheDocument();
    expect(api.ratePath).toHaveBeenCalledWith({
      taskId: 'task-9',
      rating: 5,
      comment: 'Smooth',
    });
  });

  it('sends a rating without a comment when none was written', async () => {
    const api = fakeApi(ratingPrompt);
    await renderWith(api);
    const card = await screen.findByRole('region', {
      name: 'How was the Node.js service golden path?',
    });
    await user.click(within(card).getByLabelText('2 Stars'));
    await user.click(within(card).getByRole('button', { name: 'Submit' }));
    await screen.findByText('Thank you!');
    expect(api.ratePath).toHaveBeenCalledWith({ taskId: 'task-9', rating: 2 });
  });

  it('stops asking to rate a run when the user says not now', async () => {
    const api = fakeApi(ratingPrompt);
    await renderWith(api);
    const card = await screen.findByRole('region', {
      name: 'How was the Node.js service golden path?',
    });
    await user.click(within(card).getByRole('button', { name: 'Not now' }));
    await waitFor(() =>
      expect(screen.queryByRole('region')).not.toBeInTheDocument(),
    );
    expect(api.dismissPathRating).toHaveBeenCalledWith('task-9');
    expect(api.ratePath).not.toHaveBeenCalled();
  });
});
