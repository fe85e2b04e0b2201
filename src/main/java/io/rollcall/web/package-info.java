/**
 * HTTP in front of the GraphQL endpoint: request size and body checks, the legacy
 * {@code application/graphql} body, GraphQL-shaped error answers, and the server's
 * connection limits.
 */
@NullMarked
package io.rollcall.web;

import org.jspecify.annotations.NullMarked;
