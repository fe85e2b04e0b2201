/**
 * The Periscope connector (JSON, one key per site, users and groups read and written).
 */
@NullMarked
package io.rollcall.connector.periscope;

import org.jspecify.annotations.NullMarked;
