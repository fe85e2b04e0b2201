package io.rollcall.connector.testmo;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Testmo's answers, in Testmo's terms.
 */
final class TestmoWire {

	private TestmoWire() {
	}

	/**
	 * The envelope of a paged list. {@code page} and {@code last_page} are null on an
	 * empty result; {@code expands} (an object, or {@code []} when empty) is not
	 * declared.
	 */
	record Page<T>(@Nullable Long page, @JsonProperty("last_page") @Nullable Long lastPage,
			@JsonProperty("next_page") @Nullable Long nextPage, @JsonProperty("per_page") @Nullable Long perPage,
			@Nullable Long total, @Nullable List<T> result) {

		List<T> items() {
			return (this.result != null) ? this.result : List.of();
		}

	}

	record User(long id, @Nullable String name, @Nullable String email, @Nullable String timezone,
			@JsonProperty("is_active") @Nullable Boolean active,
			@JsonProperty("is_forgotten") @Nullable Boolean forgotten, @JsonProperty("role_id") @Nullable Long roleId,
			@Nullable List<Long> groups, @JsonProperty("created_at") @Nullable String createdAt) {
	}

	record Role(long id, @Nullable String name, @Nullable Long permissions,
			@JsonProperty("is_default") @Nullable Boolean isDefault) {
	}

	record Group(long id, @Nullable String name, @Nullable List<Long> members) {
	}

	record Project(long id, @Nullable String name, @JsonProperty("is_completed") @Nullable Boolean completed) {
	}

	record ProjectUser(long id, @Nullable String name) {
	}

}
