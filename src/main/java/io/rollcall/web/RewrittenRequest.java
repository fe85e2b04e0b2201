package io.rollcall.web;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request passed on as a POST with a body already read: what the filters that read,
 * check or translate a GraphQL request hand on to Spring for GraphQL.
 */
final class RewrittenRequest extends ServerHttpRequestDecorator {

	private final HttpHeaders headers = new HttpHeaders();

	private final ServerWebExchange exchange;

	private final byte[] body;

	/**
	 * @param exchange the exchange
	 * @param body the body to pass on
	 * @param type its media type, or null to keep the request's
	 */
	RewrittenRequest(ServerWebExchange exchange, byte[] body, @Nullable MediaType type) {
		super(exchange.getRequest());
		this.exchange = exchange;
		this.body = body;
		this.headers.putAll(exchange.getRequest().getHeaders());
		if (type != null) {
			this.headers.setContentType(type);
		}
		this.headers.setContentLength(body.length);
	}

	/** The exchange with this request in place of the original. */
	ServerWebExchange exchange() {
		return this.exchange.mutate().request(this).build();
	}

	@Override
	public HttpMethod getMethod() {
		return HttpMethod.POST;
	}

	@Override
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	@Override
	public Flux<DataBuffer> getBody() {
		return Flux.defer(() -> Flux.just(this.exchange.getResponse().bufferFactory().wrap(this.body)));
	}

}
