import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** A client of the gateway, typed from the committed OpenAPI document (`npm run openapi`). */
export type ApiClient = Client<paths>;

export interface ApiClientOptions extends ClientOptions {
  /** A bearer token, or a function that gives the current one (after a refresh, say). */
  token?: string | (() => string | undefined);
  /** `zh-CN` (the gateway's default) or `en`: the language of error messages. */
  language?: string;
}

/**
 * `const api = createApiClient({ baseUrl: 'http://127.0.0.1:3000', token })`, then
 * `const { data, error, response } = await api.GET('/venues/{id}', { params: { path: { id } } })`:
 * paths, parameters, bodies and answers are checked by the compiler against the document.
 */
export function createApiClient({ token, language, ...options }: ApiClientOptions): ApiClient {
  const client = createClient<paths>(options);
  const headers: Middleware = {
    onRequest({ request }) {
      const current = typeof token === 'function' ? token() : token;
      if (current) request.headers.set('Authorization', `Bearer ${current}`);
      if (language) request.headers.set('Accept-Language', language);
      return request;
    },
  };
  client.use(headers);
  return client;
}
