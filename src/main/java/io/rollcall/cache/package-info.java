/**
 * Caching of vendor answers, as one decorator around any connector.
 */
@NullMarked
package io.rollcall.cache;

import org.jspecify.annotations.NullMarked;
