package io.rollcall.connector;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * What replicas of the gateway share about sources: rate-limit cool-downs, and Cintoo's
 * tokens under a lock. Never fails a call: when the shared store cannot answer, each
 * replica goes on with what it knows itself.
 */
public interface SharedState {

	/** No sharing: every replica on its own. */
	SharedState NONE = new SharedState() {
	};

	/**
	 * What other replicas learnt about the source: a rate-limit cool-down and an open
	 * circuit breaker, read in one round trip.
	 * @param source the source id
	 * @return the pauses in force, or empty when none is known
	 */
	default Mono<Pauses> pauses(String source) {
		return Mono.empty();
	}

	/** Tells the other replicas to leave the source alone until then. */
	default void coolDown(String source, Instant until) {
	}

	/** Tells the other replicas that this replica's breaker for the source opened. */
	default void opened(String source, Instant until) {
	}

	/** Ends the source's shared cool-down and shared open breaker. */
	default void resume(String source) {
	}

	/** The tokens the replicas share for a source, or empty. */
	default Mono<Tokens> tokens(String source) {
		return Mono.empty();
	}

	/** Shares a source's newest tokens. */
	default Mono<Void> saveTokens(String source, Tokens tokens) {
		return Mono.empty();
	}

	/**
	 * Runs work while holding the source's token lock, so that only one replica exchanges
	 * a single-use refresh token at a time. Without a shared store, just runs it.
	 * @param <T> the work's result
	 * @param source the source id
	 * @param hold the longest the lock may be held
	 * @param work the work
	 * @return the work's result
	 */
	default <T> Mono<T> locked(String source, Duration hold, Supplier<Mono<T>> work) {
		return Mono.defer(work);
	}

	/**
	 * A source's pauses as the replicas share them.
	 *
	 * @param coolDownUntil until when the vendor asked to be left alone, or null
	 * @param openUntil until when another replica's breaker is open, or null
	 */
	record Pauses(@Nullable Instant coolDownUntil, @Nullable Instant openUntil) {
	}

	/**
	 * A source's tokens as the replicas share them. Never printed.
	 *
	 * @param refreshToken the refresh token not yet used
	 * @param accessToken the newest access token, or null
	 * @param expiresAt when the access token expires, or null
	 */
	record Tokens(String refreshToken, @Nullable String accessToken, @Nullable Instant expiresAt) {

		@Override
		public String toString() {
			return "Tokens[****]";
		}

	}

}
