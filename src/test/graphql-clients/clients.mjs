// Drives the GraphQL clients frontend teams use against a running Rollcall and prints one
// JSON line per scenario: {"name", "ok", "detail", "warnings"}. Arguments: the /graphql URL,
// an API key, and "outage" to run only the scenarios that expect one source to be down
// (else all the others). Every client's warnings (console.warn, console.error) are collected.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { relayStylePagination } from '@apollo/client/utilities';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { cacheExchange as graphcache } from '@urql/exchange-graphcache';
import { GraphQLClient } from 'graphql-request';

const [url, key, mode] = process.argv.slice(2);
const headers = { authorization: `Bearer ${key}` };
const operations = new URL('../../../graphql/operations/', import.meta.url);
const operation = (name) => readFileSync(new URL(`${name}.graphql`, operations), 'utf8');

let warnings = [];
for (const level of ['warn', 'error']) {
  console[level] = (...args) => warnings.push(args.map(String).join(' '));
}

function apollo(options = {}) {
  const http = new HttpLink({ uri: url, headers: options.headers ?? headers, ...(options.fetch ? { fetch: options.fetch } : {}) });
  return new ApolloClient({
    link: options.persisted ? new PersistedQueryLink({ sha256: (text) => createHash('sha256').update(text).digest('hex') }).concat(http) : http,
    cache: new InMemoryCache({ typePolicies: { Query: { fields: { users: relayStylePagination(['filter']) } } } }),
  });
}

function codes(error) {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => e.extensions?.code);
  }
  if (ServerError.is(error)) {
    return [`HTTP ${error.statusCode}`, ...(error.bodyText.match(/"code":"(\w+)"/g) ?? [])];
  }
  return [String(error)];
}

const PAGE = gql`query Page($first: Int, $after: String) {
  users(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id displayName } } }
}`;

const PERSON = gql`query Person($email: String!) {
  person(email: $email) { id email accounts { id source { id } groups { id name } } }
}`;

const scenarios = {
  async 'Apollo: two pages merged by relayStylePagination'() {
    const client = apollo();
    const first = await client.query({ query: PAGE, variables: { first: 5 } });
    // The next page, as fetchMore asks for it: from the network, merged into the same field.
    await client.query({ query: PAGE, variables: { first: 5, after: first.data.users.pageInfo.endCursor },
      fetchPolicy: 'network-only' });
    const merged = client.readQuery({ query: PAGE, variables: { first: 5 } });
    const ids = new Set(merged.users.edges.map((edge) => edge.node.id));
    return [ids.size === 10, `${ids.size} distinct users in the cache`];
  },
  async "Apollo: partial results with errorPolicy 'all'"() {
    const result = await apollo().query({ query: gql(operation('everyoneWithAccess')), errorPolicy: 'all' });
    const found = codes(result.error);
    return [result.data?.users?.edges?.length > 0 && found.includes('SOURCE_UNAVAILABLE'),
      `${result.data?.users?.edges?.length} users, errors ${found}`];
  },
  async 'Apollo: a validation error carries its code and a suggestion'() {
    try {
      await apollo().query({ query: gql`query { users { edges { node { id emial } } } }` });
      return [false, 'no error'];
    }
    catch (error) {
      const message = CombinedGraphQLErrors.is(error) ? error.errors[0].message : String(error);
      return [codes(error).includes('GRAPHQL_VALIDATION_FAILED') && message.includes("Did you mean 'email'?"), message];
    }
  },
  async 'Apollo: a 401 is an error the client shows'() {
    try {
      await apollo({ headers: { authorization: 'Bearer not-a-key-0000000000' } }).query({ query: gql`query { sources { id } }` });
      return [false, 'no error'];
    }
    catch (error) {
      const found = codes(error);
      return [found.includes('UNAUTHENTICATED') || found.includes('"code":"UNAUTHENTICATED"'), found.join(', ')];
    }
  },
  async 'Apollo: a dry run leaves the cached data as it is'() {
    const client = apollo();
    await client.query({ query: PERSON, variables: { email: 'dan@example.com' } });
    const result = await client.mutate({ mutation: gql(operation('updateUserGroups')),
      variables: { source: 'periscope-eu', email: 'dan@example.com', groups: ['Administrators'], dryRun: true } });
    const change = result.data.updateUser.changes[0];
    const cached = client.readQuery({ query: PERSON, variables: { email: 'dan@example.com' } });
    const groups = cached.person.accounts.find((account) => account.source.id === 'periscope-eu').groups.map((g) => g.name);
    return [change.status === 'DRY_RUN' && change.planned.account.groups.join() === 'Administrators'
      && groups.join() === 'Analysts,Everyone', `cached groups ${groups}, planned ${change.planned.account.groups}`];
  },
  async "Apollo: the persisted-query link sends the document once, then its hash alone"() {
    const bodies = [];
    const recording = (input, init) => { bodies.push(String(init?.body ?? '')); return fetch(input, init); };
    const query = gql`query PersistedSources { sources { id } }`;
    const first = await apollo({ persisted: true, fetch: recording }).query({ query });
    const second = await apollo({ persisted: true, fetch: recording }).query({ query });
    const withDocument = bodies.filter((body) => body.includes('"query"')).length;
    return [first.data.sources.length === 5 && second.data.sources.length === 5 && bodies.length === 3
      && withDocument === 1, `${bodies.length} requests, ${withDocument} with the document`];
  },
  async 'urql with its defaults (GET for queries)'() {
    const methods = [];
    const client = new Client({ url, exchanges: [cacheExchange, fetchExchange], fetchOptions: { headers },
      fetch: (input, init) => { methods.push(init?.method ?? 'GET'); return fetch(input, init); } });
    const result = await client.query(gql(operation('personAccess')), { email: 'ADA@example.com' }).toPromise();
    return [!result.error && result.data.person.accounts.length > 1 && methods.includes('GET'),
      `methods ${methods}, error ${result.error}`];
  },
  async 'urql with Graphcache normalises every entity'() {
    const embedded = ['UserConnection', 'UserEdge', 'PersonConnection', 'PersonEdge', 'ProjectConnection', 'ProjectEdge',
      'PageInfo', 'ProjectMembership', 'SourceHealth', 'ChangeResult', 'SourceChange', 'PlannedChange', 'PlannedAccount', 'PlannedGroup'];
    const keys = Object.fromEntries(embedded.map((type) => [type, () => null]));
    const client = new Client({ url, exchanges: [graphcache({ keys }), fetchExchange], fetchOptions: { headers } });
    const everyone = await client.query(gql(operation('everyoneWithAccess')), {}).toPromise();
    const people = await client.query(gql(operation('peopleInManyTools')), { minAccounts: 2 }).toPromise();
    return [!everyone.error && !people.error && everyone.data.users.edges.length > 0,
      `${everyone.data?.users?.edges?.length} users, errors ${everyone.error} ${people.error}`];
  },
  async 'graphql-request: a query and a dry-run mutation'() {
    const client = new GraphQLClient(url, { headers });
    const person = await client.request(operation('personAccess'), { email: 'barbara@example.com' });
    const invited = await client.request(operation('inviteIntoTools'),
      { sources: ['codebase'], email: 'new.person@example.com', firstName: 'New', lastName: 'Person', dryRun: true });
    return [person.person.email === 'barbara@example.com' && invited.inviteUser.changes[0].status === 'DRY_RUN',
      `${person.person.email}, ${invited.inviteUser.changes[0].status}`];
  },
};

const outage = (name) => name.includes('partial results');
for (const [name, scenario] of Object.entries(scenarios).filter(([name]) => outage(name) === (mode === 'outage'))) {
  warnings = [];
  let ok = false;
  let detail = '';
  try {
    [ok, detail] = await scenario();
  }
  catch (error) {
    detail = `threw ${error?.stack ?? error}`;
  }
  process.stdout.write(JSON.stringify({ name, ok, detail, warnings }) + '\n');
}
