/**
 * The Testmo connector (JSON, paged lists, read-only).
 */
@NullMarked
package io.rollcall.connector.testmo;

import org.jspecify.annotations.NullMarked;
