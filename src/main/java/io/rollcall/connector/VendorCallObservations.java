package io.rollcall.connector;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;

/**
 * What a vendor call's span and timer say: the source and vendor, the method, the path as
 * a template (never the ids, names or query values in it, nor the host), the status, and
 * which attempt it was. Request headers, which carry credentials, are never named.
 */
public final class VendorCallObservations extends DefaultClientRequestObservationConvention {

	/**
	 * The request attribute holding the path template, e.g.
	 * {@code /api/v1/groups/{name}}.
	 */
	static final String PATH = "rollcall.path";

	/** The request attribute holding the attempt, 1 for the first. */
	static final String ATTEMPT = "rollcall.attempt";

	private final String source;

	private final String vendor;

	/**
	 * @param source the source id
	 * @param vendor the vendor's name
	 */
	public VendorCallObservations(String source, String vendor) {
		this.source = source;
		this.vendor = vendor;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ClientRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context).and(KeyValue.of("uri", path(context)),
				KeyValue.of("rollcall.source", this.source), KeyValue.of("rollcall.vendor", this.vendor));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ClientRequestObservationContext context) {
		ClientRequest request = context.getRequest();
		Object attempt = (request != null) ? request.attributes().get(ATTEMPT) : null;
		// In place of the full URL, which holds ids and the vendor's host.
		return KeyValues.of(KeyValue.of("http.url", path(context)),
				KeyValue.of("rollcall.attempt", (attempt != null) ? attempt.toString() : "1"));
	}

	private static String path(ClientRequestObservationContext context) {
		ClientRequest request = context.getRequest();
		Object path = (request != null) ? request.attributes().get(PATH) : null;
		return (path != null) ? path.toString() : "none";
	}

}
