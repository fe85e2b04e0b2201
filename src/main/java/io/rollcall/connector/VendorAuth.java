package io.rollcall.connector;

import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * How one source authenticates its calls.
 */
public interface VendorAuth {

	/** The credential for the next call. */
	Mono<Credential> credential();

	/**
	 * Called when the vendor refused a credential with 401.
	 * @param refused the credential the vendor refused
	 * @return whether a call may be tried once more with a fresh {@link #credential()}
	 */
	default boolean renewAfterRejection(Credential refused) {
		return false;
	}

	/**
	 * A credential: it writes its headers and never shows itself in {@code toString()}.
	 */
	interface Credential extends Consumer<HttpHeaders> {

	}

	/** A fixed header value, e.g. a configured token. */
	static VendorAuth header(String name, String value) {
		Credential credential = new Credential() {
			@Override
			public void accept(HttpHeaders headers) {
				headers.set(name, value);
			}

			@Override
			public String toString() {
				return "Credential[" + name + ": ****]";
			}
		};
		Mono<Credential> fixed = Mono.just(credential);
		return () -> fixed;
	}

}
