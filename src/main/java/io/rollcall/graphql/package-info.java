/**
 * The GraphQL API: controllers, batch loading, errors.
 */
@NullMarked
package io.rollcall.graphql;

import org.jspecify.annotations.NullMarked;
