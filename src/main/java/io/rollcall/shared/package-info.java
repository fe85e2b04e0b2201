/**
 * State that several Rollcall replicas share through Redis, when configured.
 */
@NullMarked
package io.rollcall.shared;

import org.jspecify.annotations.NullMarked;
