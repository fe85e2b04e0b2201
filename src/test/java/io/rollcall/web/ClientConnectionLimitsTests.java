package io.rollcall.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import io.rollcall.support.GatewayTestBase;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rollcall.server.max-connections}: connections past the bound are closed as they
 * arrive, and the server serves again once the others are gone.
 */
@TestPropertySource(properties = { "rollcall.server.max-connections=5", "rollcall.server.idle-timeout=30s" })
class ClientConnectionLimitsTests extends GatewayTestBase {

	@Test
	void connectionsPastTheBoundAreClosed() throws Exception {
		List<Socket> held = new ArrayList<>();
		try {
			for (int i = 0; i < 5; i++) {
				held.add(new Socket("127.0.0.1", this.port));
			}
			Thread.sleep(200);
			try (Socket extra = new Socket("127.0.0.1", this.port)) {
				extra.setSoTimeout(5_000);
				assertThat(closed(extra)).isTrue();
			}
			for (Socket socket : held) {
				socket.setSoTimeout(300);
				assertThat(closed(socket)).as("held connection").isFalse();
			}
		}
		finally {
			for (Socket socket : held) {
				socket.close();
			}
		}
		Thread.sleep(200);
		this.http.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	private static boolean closed(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		try {
			return in.read() == -1;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

}
