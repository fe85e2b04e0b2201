package io.rollcall.web;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.jspecify.annotations.Nullable;

/**
 * Closes a connection whose request headers have not all arrived within the deadline of
 * its connection opening, or of its previous answer: an idle timeout alone is reset by
 * every byte, so a client dribbling a header a byte at a time would hold the connection
 * forever. One per connection, after the HTTP codec.
 */
final class RequestHeaderDeadline extends ChannelDuplexHandler {

	private final long deadlineMillis;

	private @Nullable ScheduledFuture<?> timer;

	/** Requests whose headers were read and whose answer is not yet written. */
	private int open;

	RequestHeaderDeadline(Duration deadline) {
		this.deadlineMillis = deadline.toMillis();
	}

	@Override
	public void handlerAdded(ChannelHandlerContext context) {
		if (context.channel().isActive()) {
			arm(context);
		}
	}

	@Override
	public void channelActive(ChannelHandlerContext context) throws Exception {
		arm(context);
		super.channelActive(context);
	}

	@Override
	public void channelRead(ChannelHandlerContext context, Object message) throws Exception {
		if (message instanceof HttpRequest) {
			this.open++;
			disarm();
		}
		super.channelRead(context, message);
	}

	@Override
	public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
		if (message instanceof LastHttpContent) {
			promise.addListener((written) -> {
				this.open = Math.max(0, this.open - 1);
				if (this.open == 0) {
					arm(context);
				}
			});
		}
		super.write(context, message, promise);
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) throws Exception {
		disarm();
		super.channelInactive(context);
	}

	private void arm(ChannelHandlerContext context) {
		disarm();
		this.timer = context.executor().schedule(() -> {
			if (this.open == 0) {
				context.close();
			}
		}, this.deadlineMillis, TimeUnit.MILLISECONDS);
	}

	private void disarm() {
		if (this.timer != null) {
			this.timer.cancel(false);
			this.timer = null;
		}
	}

}
