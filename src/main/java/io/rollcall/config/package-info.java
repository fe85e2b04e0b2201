/**
 * Validated configuration properties and the wiring of sources.
 */
@NullMarked
package io.rollcall.config;

import org.jspecify.annotations.NullMarked;
