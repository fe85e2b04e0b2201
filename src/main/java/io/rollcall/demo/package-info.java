/**
 * Simulations of the four vendors for demo mode, following the wire contract.
 */
@NullMarked
package io.rollcall.demo;

import org.jspecify.annotations.NullMarked;
