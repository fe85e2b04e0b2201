package io.rollcall.ratelimit;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rollcall.settings.InvalidConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Rates as settings write them, and a replica's own buckets.
 */
class ClientRateTests {

	@Test
	void ratesArePerSecondMinuteOrHour() {
		assertThat(ClientRate.of("p", "10/s", 50)).isEqualTo(new ClientRate(10, Duration.ofSeconds(1), 50));
		assertThat(ClientRate.of("p", " 600/M ", 5)).isEqualTo(new ClientRate(600, Duration.ofMinutes(1), 5));
		assertThat(ClientRate.of("p", "5000/h", 1).period()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aBadRateNamesItsProperty() {
		for (String bad : new String[] { "10", "ten/s", "10/d", "0/s", "-1/m", "99999999999/s", "" }) {
			assertThatExceptionOfType(InvalidConfigurationException.class)
				.isThrownBy(() -> ClientRate.of("rollcall.security.api-keys[2]", bad, 10))
				.satisfies((ex) -> assertThat(ex.property()).isEqualTo("rollcall.security.api-keys[2].rate"));
		}
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> ClientRate.of("rollcall.security", "10/s", 0))
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo("rollcall.security.burst"));
	}

	@Test
	void eachClientHasABucketOfItsOwn() {
		RateLimiter limiter = new RateLimiter(Map.of("report", ClientRate.of("p", "1/h", 2)),
				ClientRate.of("p", "1/h", 1), null, new SimpleMeterRegistry());
		assertThat(limiter.take("report").block().allowed()).isTrue();
		assertThat(limiter.take("report").block().allowed()).isTrue();
		RateLimiter.Decision over = limiter.take("report").block();
		assertThat(over.allowed()).isFalse();
		assertThat(over.retryAfterSeconds()).isBetween(1L, 3600L);
		assertThat(limiter.take("someone-else").block().allowed()).isTrue();
		assertThat(limiter.take("someone-else").block().allowed()).isFalse();
	}

}
