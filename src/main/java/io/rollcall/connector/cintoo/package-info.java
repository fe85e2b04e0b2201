/**
 * The Cintoo connector (API 1, JSON, OAuth2 refresh-token rotation).
 */
@NullMarked
package io.rollcall.connector.cintoo;

import org.jspecify.annotations.NullMarked;
