package io.rollcall.ratelimit;

import java.time.Duration;
import java.util.Locale;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.rollcall.settings.InvalidConfigurationException;

/**
 * How fast one client may send requests: {@code tokens} per {@code period}, and a
 * {@code burst} of requests at once.
 *
 * @param tokens requests per period
 * @param period the period
 * @param burst requests at once
 */
public record ClientRate(long tokens, Duration period, long burst) {

	/**
	 * Reads a rate such as {@code 10/s}, {@code 600/m} or {@code 5000/h}.
	 * @param property where it is set, for the error
	 * @param rate the rate
	 * @param burst the burst
	 * @return the rate
	 * @throws InvalidConfigurationException naming the property
	 */
	public static ClientRate of(String property, String rate, long burst) {
		String[] parts = rate.trim().toLowerCase(Locale.ROOT).split("/");
		Duration period = (parts.length == 2) ? switch (parts[1].trim()) {
			case "s" -> Duration.ofSeconds(1);
			case "m" -> Duration.ofMinutes(1);
			case "h" -> Duration.ofHours(1);
			default -> null;
		} : null;
		long tokens;
		try {
			tokens = (period != null) ? Long.parseLong(parts[0].trim()) : -1;
		}
		catch (NumberFormatException ex) {
			tokens = -1;
		}
		if (period == null || tokens < 1 || tokens > 1_000_000) {
			throw new InvalidConfigurationException(property + ".rate",
					"must be requests per second, minute or hour, e.g. 10/s or 600/m (was '" + rate + "')");
		}
		if (burst < 1 || burst > 1_000_000) {
			throw new InvalidConfigurationException(property + ".burst",
					"must be between 1 and 1000000 (was " + burst + ")");
		}
		return new ClientRate(tokens, period, burst);
	}

	/** The limit: {@code burst} tokens, refilled at the rate. */
	Bandwidth bandwidth() {
		return Bandwidth.builder().capacity(this.burst).refillGreedy(this.tokens, this.period).build();
	}

	/** A bucket of that limit, as replicas share it. */
	public BucketConfiguration bucket() {
		return BucketConfiguration.builder().addLimit(bandwidth()).build();
	}

	@Override
	public String toString() {
		return this.tokens + "/" + ((this.period.toHours() == 1) ? "h" : (this.period.toMinutes() == 1) ? "m" : "s")
				+ " (burst " + this.burst + ")";
	}

}
