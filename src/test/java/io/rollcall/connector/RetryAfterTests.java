package io.rollcall.connector;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a 429's {@code Retry-After}, whatever the vendor sends.
 */
class RetryAfterTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void delaySecondsAreTakenAsTheyAre() {
		assertThat(RetryAfter.seconds("120", 30, NOW)).isEqualTo(120);
		assertThat(RetryAfter.seconds(" 0 ", 30, NOW)).isZero();
	}

	@Test
	void anHttpDateIsTheWaitUntilThen() {
		assertThat(RetryAfter.seconds("Tue, 01 Dec 2026 12:01:30 GMT", 30, NOW)).isEqualTo(90);
		assertThat(RetryAfter.seconds("Tue, 01 Dec 2026 11:00:00 GMT", 30, NOW)).isZero();
	}

	@Test
	void aNegativeWaitIsNone() {
		assertThat(RetryAfter.seconds("-5", 30, NOW)).isZero();
	}

	@Test
	void anythingElseIsTheDefault() {
		assertThat(RetryAfter.seconds(null, 30, NOW)).isEqualTo(30);
		assertThat(RetryAfter.seconds("  ", 30, NOW)).isEqualTo(30);
		assertThat(RetryAfter.seconds("soon", 30, NOW)).isEqualTo(30);
		assertThat(RetryAfter.seconds("1.5", 30, NOW)).isEqualTo(30);
		assertThat(RetryAfter.seconds("99999999999999999999999", 30, NOW)).isEqualTo(30);
	}

}
