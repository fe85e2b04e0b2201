package io.rollcall.demo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulations' latency: exact unless jitter is asked for, so that a benchmark's
 * critical path is what it says.
 */
class SimServerTests {

	@Test
	void withoutJitterEveryAnswerTakesTheLatency() {
		for (int i = 0; i < 100; i++) {
			assertThat(SimServer.delay(Duration.ofMillis(100), false)).isEqualTo(Duration.ofMillis(100));
		}
	}

	@Test
	void withJitterAnswersTakeUpToAFifthLonger() {
		for (int i = 0; i < 100; i++) {
			assertThat(SimServer.delay(Duration.ofMillis(100), true)).isBetween(Duration.ofMillis(100),
					Duration.ofMillis(120));
		}
		assertThat(SimServer.delay(Duration.ZERO, true)).isZero();
	}

}
