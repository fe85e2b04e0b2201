/**
 * The GraphQL API: controllers, one read per source and request of the lists nested
 * fields need, errors, query limits.
 */
@NullMarked
package io.rollcall.graphql;

import org.jspecify.annotations.NullMarked;
