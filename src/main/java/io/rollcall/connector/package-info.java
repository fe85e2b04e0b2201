/**
 * What every vendor connector shares: HTTP exchanges with deadlines and error mapping,
 * authentication, JSON reading.
 */
@NullMarked
package io.rollcall.connector;

import org.jspecify.annotations.NullMarked;
