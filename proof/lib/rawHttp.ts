// A bare HTTP client for hostile requests: any method, path, headers and
// body bytes as given (bench's `call` always sends a token and JSON), over
// keep-alive connections.
import http from 'node:http';

export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Reply {
  /** 0 when no response came. */
  status: number;
  /** The first 2 KB of the response body, or the client's error. */
  body: string;
}

const KEEP = 2048;

function once(
  agent: http.Agent,
  request: RawRequest,
  timeoutMs: number,
): Promise<Reply & { retry?: boolean }> {
  return new Promise(resolve => {
    let settled = false;
    const settle = (reply: Reply & { retry?: boolean }) => {
      if (!settled) {
        settled = true;
        resolve(reply);
      }
    };
    let req: http.ClientRequest;
    try {
      req = http.request({
        host: 'localhost',
        port: 7007,
        method: request.method,
        path: request.path,
        agent,
        headers: {
          ...request.headers,
          ...(request.body !== undefined
            ? { 'content-length': String(Buffer.byteLength(request.body)) }
            : {}),
        },
        timeout: timeoutMs,
      });
    } catch (error) {
      settle({ status: 0, body: `client refused: ${error}` });
      return;
    }
    req.on('response', res => {
      let kept = '';
      res.on('data', (chunk: Buffer) => {
        if (kept.length < KEEP) kept += chunk.toString('utf8');
      });
      res.on('end', () =>
        settle({ status: res.statusCode ?? 0, body: kept.slice(0, KEEP) }),
      );
      res.on('error', () =>
        settle({ status: res.statusCode ?? 0, body: kept.slice(0, KEEP) }),
      );
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      // A kept-alive socket the server closed just as this request went
      // out: the request never reached it, so it is sent again.
      settle({
        status: 0,
        body: `no response: ${error.code ?? error.message}`,
        retry: req.reusedSocket && error.code === 'ECONNRESET',
      }),
    );
    req.end(request.body);
  });
}

/** Sends one request; a request lost to a closing kept-alive socket is
 * sent once more. */
export async function send(
  agent: http.Agent,
  request: RawRequest,
  timeoutMs = 120_000,
): Promise<Reply> {
  const first = await once(agent, request, timeoutMs);
  if (!first.retry) return first;
  const { retry: _, ...second } = await once(agent, request, timeoutMs);
  return second;
}
