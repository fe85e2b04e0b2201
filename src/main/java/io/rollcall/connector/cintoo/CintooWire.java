package io.rollcall.connector.cintoo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Cintoo's answers (API 1), in Cintoo's terms.
 */
final class CintooWire {

	private CintooWire() {
	}

	record User(@Nullable String id, @Nullable String firstname, @Nullable String lastname, @Nullable String email) {
	}

	record Project(@Nullable String id, @Nullable String name, @Nullable List<String> userIds,
			@Nullable List<String> permissions) {
	}

	/** The token endpoint's answer; never printed, as it holds both tokens. */
	record TokenAnswer(@JsonProperty("access_token") @Nullable String accessToken,
			@JsonProperty("refresh_token") @Nullable String refreshToken,
			@JsonProperty("expires_in") @Nullable Long expiresIn) {

		@Override
		public String toString() {
			return "TokenAnswer[****]";
		}

	}

}
