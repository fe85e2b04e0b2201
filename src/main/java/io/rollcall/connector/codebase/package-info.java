/**
 * The Codebase HQ connector (XML, HTTP Basic; api-keys dropped while parsing).
 */
@NullMarked
package io.rollcall.connector.codebase;

import org.jspecify.annotations.NullMarked;
