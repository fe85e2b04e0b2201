/**
 * Checking settings: single values, each problem naming its property and never echoing a
 * secret, gathered so that start-up reports all of them at once. Shared by the
 * configuration and the vendor modules.
 */
@NullMarked
package io.rollcall.settings;

import org.jspecify.annotations.NullMarked;
