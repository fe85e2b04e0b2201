package io.rollcall.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.rollcall.cache.SharedLists;
import io.rollcall.domain.Group;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Part;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.User;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vendor lists shared beneath each replica's own cache, as JSON under one key per source
 * and list; a write's invalidation deletes them and reaches every other replica over
 * pub/sub. Nothing connects at construction: the channel is subscribed in the background
 * and kept up, so a replica starts while Redis is away.
 */
public final class RedisLists implements SharedLists, AutoCloseable {

	private static final String FORGET = "rollcall:forget";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RedisGuard redis;

	private final String replica = UUID.randomUUID().toString();

	private final Map<String, Runnable> forgetters = new ConcurrentHashMap<>();

	private final Disposable subscription;

	/**
	 * @param redis Redis, guarded
	 */
	public RedisLists(RedisGuard redis) {
		this.redis = redis;
		this.subscription = Flux.defer(() -> redis.redis().listenToChannel(FORGET))
			.subscribeOn(Schedulers.boundedElastic())
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(5)))
			.subscribe((message) -> {
				String[] parts = message.getMessage().split(" ", 2);
				if (parts.length == 2 && !parts[0].equals(this.replica)) {
					Runnable forget = this.forgetters.get(parts[1]);
					if (forget != null) {
						forget.run();
					}
				}
			});
	}

	@Override
	public Mono<SharedLists.Entry> get(String source, Part part) {
		return this.redis.guarded(this.redis.redis().opsForValue().get(key(source, part)))
			.map((text) -> decode(part, text));
	}

	@Override
	public Mono<Void> put(String source, Part part, SharedLists.Entry entry, Duration keep) {
		String text = JSON
			.writeValueAsString(Map.of("fetchedAt", entry.fetchedAt().toString(), "value", entry.value()));
		return this.redis.guarded(this.redis.redis().opsForValue().set(key(source, part), text, keep)).then();
	}

	@Override
	public void forget(String source) {
		List<String> keys = new ArrayList<>();
		for (Part part : Part.values()) {
			keys.add(key(source, part));
		}
		this.redis
			.guarded(this.redis.redis()
				.delete(keys.toArray(String[]::new))
				.then(this.redis.redis().convertAndSend(FORGET, this.replica + " " + source)))
			.subscribe();
	}

	@Override
	public void onForget(String source, Runnable onForget) {
		this.forgetters.put(source, onForget);
	}

	private static String key(String source, Part part) {
		return "rollcall:list:" + source + ":" + part.name().toLowerCase(Locale.ROOT);
	}

	private static SharedLists.Entry decode(Part part, String text) {
		JsonNode node = JSON.readTree(text);
		JavaType type = JSON.getTypeFactory().constructCollectionType(List.class, elementType(part));
		List<?> value = JSON.treeToValue(node.get("value"), type);
		return new SharedLists.Entry(List.copyOf(value), Instant.parse(node.get("fetchedAt").asString()));
	}

	private static Class<?> elementType(Part part) {
		return switch (part) {
			case USERS -> User.class;
			case PROJECTS -> Project.class;
			case ROLES -> Role.class;
			case GROUPS -> Group.class;
			case MEMBERSHIPS -> Membership.class;
		};
	}

	@Override
	public void close() {
		this.subscription.dispose();
	}

}
