package io.rollcall.graphql;

import java.time.Instant;
import java.util.List;

import graphql.GraphQLContext;
import io.rollcall.domain.Emails;
import io.rollcall.domain.Page;
import io.rollcall.history.AccessChange;
import io.rollcall.history.AccessDiffs;
import io.rollcall.history.AuditTrail;
import io.rollcall.history.Snapshot;
import io.rollcall.history.Snapshots;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Access history: snapshots, what changed between two, and the audit trail. Each answers
 * {@code HISTORY_UNAVAILABLE} while the history database cannot be used (or history is
 * off); nothing else depends on it.
 */
@Controller
class HistoryController {

	private final ObjectProvider<Snapshots> snapshots;

	private final ObjectProvider<AccessDiffs> diffs;

	private final ObjectProvider<AuditTrail> audit;

	HistoryController(ObjectProvider<Snapshots> snapshots, ObjectProvider<AccessDiffs> diffs,
			ObjectProvider<AuditTrail> audit) {
		this.snapshots = snapshots;
		this.diffs = diffs;
		this.audit = audit;
	}

	@MutationMapping
	Mono<Snapshot> takeSnapshot(GraphQLContext context) {
		Object actor = context.get(MutationController.ACTOR);
		return HistoryIds.required(this.snapshots)
			.take((actor != null) ? actor.toString() : "anonymous", null)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("A snapshot without a period was refused")));
	}

	@QueryMapping
	Mono<Connection<Snapshot>> snapshots(@Argument @Nullable Integer first, @Argument @Nullable String after,
			GraphQLContext context) {
		HistoryIds.live(context);
		return HistoryIds.required(this.snapshots)
			.list(HistoryIds.first(first, 20, 100), HistoryIds.cursor(after))
			.map(Connection::of);
	}

	@SchemaMapping(typeName = "SnapshotSource", field = "id")
	String snapshotSourceId(Snapshot.SourcePart part) {
		return part.source();
	}

	@QueryMapping
	Mono<AccessChanges> accessChanges(@Argument @Nullable String from, @Argument @Nullable String to,
			@Argument @Nullable AccessChangeFilter filter, @Argument @Nullable Integer first,
			@Argument @Nullable String after, GraphQLContext context) {
		HistoryIds.live(context);
		Snapshots history = HistoryIds.required(this.snapshots);
		AccessDiffs differences = HistoryIds.required(this.diffs);
		int size = HistoryIds.first(first, 100, 1000);
		Long cursor = HistoryIds.cursor(after);
		AccessDiffs.Filter given = (filter != null) ? filter.toFilter() : AccessDiffs.Filter.NONE;
		Long toId = (to != null) ? Snapshots.parseId(to, "to") : null;
		Long fromId = (from != null) ? Snapshots.parseId(from, "from") : null;
		Integer page = (cursor != null) ? Math.toIntExact(Math.min(cursor, Integer.MAX_VALUE)) : null;
		return history.pair(fromId, toId).flatMap((pair) -> {
			Snapshot older = pair.from();
			Snapshot newer = pair.to();
			if (older == null || newer == null) {
				return Mono.just(AccessChanges.of(older, newer, List.of(), empty()));
			}
			return differences.diff(older.id(), newer.id())
				.flatMap((diff) -> differences.changes(diff, given, size, page)
					.map((changes) -> AccessChanges.of(older, newer, diff.sourcesLeftOut(), changes)));
		});
	}

	@QueryMapping
	Mono<Connection<AuditTrail.Record>> auditLog(@Argument @Nullable AuditFilter filter,
			@Argument @Nullable Integer first, @Argument @Nullable String after, GraphQLContext context) {
		if (!RequestGuard.admin(context)) {
			throw new Forbidden("The audit trail needs an API key or token with the ADMIN role");
		}
		HistoryIds.live(context);
		AuditTrail.Filter given = (filter != null) ? filter.toFilter() : AuditTrail.Filter.NONE;
		return HistoryIds.required(this.audit)
			.list(given, HistoryIds.first(first, 50, 500), HistoryIds.cursor(after))
			.map(Connection::of);
	}

	private static <T> Page<T> empty() {
		return new Page<>(List.of(), List.of(), false, false, 0);
	}

	/**
	 * The answer of {@code accessChanges}: a connection that also names its snapshots.
	 */
	record AccessChanges(@Nullable Snapshot from, @Nullable Snapshot to, List<String> sourcesLeftOut,
			List<Connection.Edge<AccessChange>> edges, Connection.PageInfo pageInfo, int totalCount) {

		static AccessChanges of(@Nullable Snapshot from, @Nullable Snapshot to, List<String> leftOut,
				Page<AccessChange> page) {
			Connection<AccessChange> connection = Connection.of(page);
			return new AccessChanges(from, to, leftOut, connection.edges(), connection.pageInfo(),
					connection.totalCount());
		}

	}

	record AccessChangeFilter(@Nullable List<String> sources, @Nullable String email,
			@Nullable List<AccessChange.Kind> kinds) {

		AccessDiffs.Filter toFilter() {
			return new AccessDiffs.Filter((this.sources != null) ? this.sources : List.of(),
					Emails.normalize(this.email), (this.kinds != null) ? this.kinds : List.of());
		}

	}

	record AuditFilter(@Nullable String email, @Nullable String source, @Nullable String client,
			@Nullable Instant since, @Nullable Instant until) {

		AuditTrail.Filter toFilter() {
			return new AuditTrail.Filter(Emails.normalize(this.email), this.source, this.client, this.since,
					this.until);
		}

	}

}
