/**
 * Request rates per client: a token bucket per API key or JWT subject, local to the
 * replica or shared by replicas through Redis, checked before a request reaches GraphQL.
 */
@NullMarked
package io.rollcall.ratelimit;

import org.jspecify.annotations.NullMarked;
