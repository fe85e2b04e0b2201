// Runs graphql-http's server audit against a running Rollcall and prints one JSON line per
// check: {"id","name","status"} where status is ok, warn (a SHOULD or MAY not met) or
// error (a MUST not met). Exits 0; the Java test decides.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const headers = process.argv[3] ? JSON.parse(process.argv[3]) : {};
const fetchWithHeaders = (input, init = {}) =>
  fetch(input, { ...init, headers: { ...(init.headers || {}), ...headers } });

const results = await auditServer({ url, fetchFn: fetchWithHeaders });
for (const result of results) {
  console.log(JSON.stringify({ id: result.id, name: result.name, status: result.status }));
}
