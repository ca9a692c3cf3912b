// A small program a web or Node client developer would write against the generated
// typescript-fetch client; OpenApiClientCheckTest compiles it with `tsc --strict`. It must
// compile without a cast: error codes are typed, the list takes several states, and a
// write sends If-Match.
import {
  Configuration,
  ErrorCode,
  ErrorEnvelopeFromJSON,
  NegotiationsApi,
  NegotiationState,
  ReplyAction,
  ResponseError,
} from './generated';

const api = new NegotiationsApi(new Configuration({ basePath: '', accessToken: async () => 'token' }));

export async function openPlans(): Promise<string[]> {
  const page = await api.listNegotiations({
    state: [NegotiationState.AwaitingReplies, NegotiationState.Confirmed],
    limit: 50,
  });
  const titles: string[] = page.data.map((summary) => summary.title);
  const next: string | null | undefined = page.meta.pagination?.nextCursor;
  return next ? [...titles, next] : titles;
}

export async function answer(negotiationId: string, slotId: string): Promise<number> {
  const current = await api.getNegotiationRaw({ id: negotiationId });
  const etag = current.raw.headers.get('ETag') ?? `"${(await current.value()).data.revision}"`;
  try {
    const replied = await api.replyToNegotiation({
      replyToNegotiationRequest: {
        negotiationId,
        action: ReplyAction.Accept,
        slotIds: [slotId],
      },
      ifMatch: etag,
    });
    return replied.data.revision;
  } catch (e) {
    if (e instanceof ResponseError) {
      const envelope = ErrorEnvelopeFromJSON(await e.response.json());
      const code: ErrorCode = envelope.error.code;
      if (code === ErrorCode.PreconditionFailed) {
        return -1;
      }
      const field: unknown = envelope.error.details['field'];
      throw new Error(`${code}: ${envelope.error.message} (${String(field)})`);
    }
    throw e;
  }
}
