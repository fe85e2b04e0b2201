/**
 * Rollcall: one GraphQL schema over the user-management APIs of the tools a company pays
 * for. Its application class starts it.
 */
@NullMarked
package io.rollcall;

import org.jspecify.annotations.NullMarked;
