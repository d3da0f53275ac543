import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import TablePagination from '@material-ui/core/TablePagination';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathApiRef } from '../../api';
import { TeamLink } from '../shared';

const PAGE_SIZE = 20;

/**
 * A campaign's free-text answers, newest first, a page of responses at a
 * time; each with its score and, where the backend gives them, the team,
 * when and who.
 */
export function CommentsList({ campaignId }: { campaignId: string }) {
  const api = useApi(goldenPathApiRef);
  const [page, setPage] = useState(0);
  const { value, loading, error } = useAsync(
    () =>
      api.getSurveyComments(campaignId, {
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      }),
    [api, campaignId, page],
  );
  if (error) {
    return (
      <ResponseErrorPanel error={error} title="Could not load the comments" />
    );
  }
  if (!value) {
    return loading ? <Progress aria-label="Loading the comments" /> : null;
  }
  return (
    <Box>
      <List aria-label="Comments">
        {value.items.map((comment, i) => (
          <ListItem key={`${page}-${i}`} divider alignItems="flex-start">
            <Box display="flex" flexDirection="column" gridGap={4}>
              <Typography variant="body1" style={{ whiteSpace: 'pre-wrap' }}>
                {comment.text}
              </Typography>
              <Typography variant="caption" color="textSecondary">
                Score {comment.nps}
                {comment.team && (
                  <>
                    {' · '}
                    <TeamLink team={comment.team} />
                  </>
                )}
                {` · ${comment.when}`}
                {comment.userRef && (
                  <>
                    {' · '}
                    <EntityRefLink
                      entityRef={comment.userRef}
                      defaultKind="user"
                    />
                  </>
                )}
              </Typography>
            </Box>
          </ListItem>
        ))}
      </List>
      {value.totalItems > PAGE_SIZE && (
        <TablePagination
          component="div"
          count={value.totalItems}
          page={page}
          rowsPerPage={PAGE_SIZE}
          rowsPerPageOptions={[PAGE_SIZE]}
          onPageChange={(_event, next) => setPage(next)}
          labelDisplayedRows={({ from, to, count }) =>
            `Responses ${from}–${to} of ${count}`
          }
        />
      )}
    </Box>
  );
}
