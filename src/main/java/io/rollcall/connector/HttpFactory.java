package io.rollcall.connector;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Makes the {@link VendorHttp} of one source, already bound to its base URL, deadline and
 * health tracker; the vendor adds how it authenticates and how it words its errors.
 */
@FunctionalInterface
public interface HttpFactory {

	/**
	 * Makes the source's exchanges.
	 * @param auth how calls authenticate
	 * @param defaultRetryAfterSeconds the wait to assume when a 429 has no Retry-After
	 * @param errorReader reads the human message out of the vendor's error body
	 * @return the source's exchanges
	 */
	VendorHttp create(VendorAuth auth, long defaultRetryAfterSeconds, Function<byte[], @Nullable String> errorReader);

}
