package io.rollcall.web;

import java.util.concurrent.atomic.AtomicInteger;

import io.rollcall.config.RollcallProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.netty.NettyPipeline;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds what clients can hold on the server: a connection that sends no complete request
 * within {@code idle-timeout} is closed (half-sent headers included), a request body must
 * keep arriving ({@code read-timeout}) and be complete within {@code request-timeout},
 * and at most {@code max-connections} are open at once (further ones are closed as they
 * arrive). The codecs read bodies up to {@code max-request-size}, which
 * {@link GraphQlRequestBodies} enforces.
 */
@Configuration(proxyBeanMethods = false)
class HttpServerLimits {

	private static final Log logger = LogFactory.getLog(HttpServerLimits.class);

	@Bean
	NettyServerCustomizer rollcallServerLimits(RollcallProperties properties) {
		RollcallProperties.Server server = properties.server();
		AtomicInteger open = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		return (http) -> http.idleTimeout(server.idleTimeout())
			.readTimeout(server.readTimeout())
			.requestTimeout(server.requestTimeout())
			.doOnChannelInit((observer, channel, remote) -> {
				if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
					channel.pipeline()
						.addAfter(NettyPipeline.HttpCodec, "rollcall.headerDeadline",
								new RequestHeaderDeadline(server.headerTimeout()));
				}
				if (open.incrementAndGet() > server.maxConnections()) {
					if (refused.getAndIncrement() % 1000 == 0) {
						logger.warn("More than rollcall.server.max-connections (" + server.maxConnections()
								+ ") connections are open: closing new ones");
					}
					channel.close();
				}
				channel.closeFuture().addListener((closed) -> open.decrementAndGet());
			});
	}

	@Bean
	CodecCustomizer rollcallRequestSize(RollcallProperties properties) {
		int max = (int) properties.server().maxRequestSize().toBytes();
		return (codecs) -> codecs.defaultCodecs().maxInMemorySize(max);
	}

}
