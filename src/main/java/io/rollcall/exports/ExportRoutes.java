package io.rollcall.exports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

import io.rollcall.config.GraphQlErrorAnswer;
import io.rollcall.domain.Directory;
import io.rollcall.domain.Emails;
import io.rollcall.domain.InvalidInputException;
import io.rollcall.domain.Part;
import io.rollcall.domain.Searches;
import io.rollcall.domain.SourceView;
import io.rollcall.domain.UserFilter;
import io.rollcall.domain.Vendor;
import io.rollcall.history.AccessChange;
import io.rollcall.history.AccessDiffs;
import io.rollcall.history.AccountRecord;
import io.rollcall.history.AuditTrail;
import io.rollcall.history.HistoryUnavailableException;
import io.rollcall.history.Snapshot;
import io.rollcall.history.Snapshots;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /exports/accounts.csv}, {@code /exports/access-changes.csv} and
 * {@code /exports/audit.csv}: one row per account, change or audit entry, RFC 4180 in
 * UTF-8, streamed a chunk of rows at a time so that memory stays the same for 100k
 * accounts. Authenticated like {@code /graphql} (the audit trail for ADMIN only), never
 * kept by a cache. A source that could not be read is named in the
 * {@code Rollcall-Sources-Missing} header, since a CSV has no place for errors.
 */
@Configuration(proxyBeanMethods = false)
class ExportRoutes {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final String MISSING = "Rollcall-Sources-Missing";

	/** Rows per chunk of the answer. */
	private static final int CHUNK = 256;

	private final Directory directory;

	private final ObjectProvider<Snapshots> snapshots;

	private final ObjectProvider<AccessDiffs> diffs;

	private final ObjectProvider<AuditTrail> audit;

	ExportRoutes(Directory directory, ObjectProvider<Snapshots> snapshots, ObjectProvider<AccessDiffs> diffs,
			ObjectProvider<AuditTrail> audit) {
		this.directory = directory;
		this.snapshots = snapshots;
		this.diffs = diffs;
		this.audit = audit;
	}

	@Bean
	RouterFunction<ServerResponse> exports() {
		return RouterFunctions.route()
			.GET("/exports/accounts.csv", (request) -> answer(request, this::accounts))
			.GET("/exports/access-changes.csv", (request) -> answer(request, this::accessChanges))
			.GET("/exports/audit.csv", (request) -> answer(request, this::auditTrail))
			.build();
	}

	private Mono<ServerResponse> answer(ServerRequest request, Function<ServerRequest, Mono<ServerResponse>> export) {
		return Mono.defer(() -> export.apply(request))
			.onErrorResume(InvalidInputException.class,
					(ex) -> refuse(request, HttpStatus.BAD_REQUEST, "BAD_USER_INPUT", ex.getMessage()))
			.onErrorResume(HistoryUnavailableException.class,
					(ex) -> refuse(request, HttpStatus.SERVICE_UNAVAILABLE, "HISTORY_UNAVAILABLE", ex.getMessage()));
	}

	private static Mono<ServerResponse> refuse(ServerRequest request, HttpStatus status, String code,
			@Nullable String message) {
		return GraphQlErrorAnswer.write(request.exchange(), status, code, String.valueOf(message)).then(Mono.empty());
	}

	private Mono<ServerResponse> accounts(ServerRequest request) {
		UserFilter filter = userFilter(request);
		String asOf = request.queryParam("asOf").orElse(null);
		if (asOf != null) {
			long id = Snapshots.parseId(asOf, "asOf");
			Snapshots history = HistoryUnavailableException.whenOn(this.snapshots.getIfAvailable());
			return history.get(id)
				.switchIfEmpty(Mono.error(() -> Snapshots.missing(id, "asOf")))
				.flatMap((snapshot) -> csv("accounts.csv", List.of(), ACCOUNT_HEADER,
						history.accounts(id).filter(matches(filter)).map(ExportRoutes::accountRow)));
		}
		List<String> ids = sources(filter);
		return Flux.fromIterable(ids)
			.flatMapSequential((id) -> this.directory.view(id, EnumSet.allOf(Part.class)))
			.collectList()
			.flatMap((loaded) -> {
				List<SourceView> views = new ArrayList<>();
				List<String> missing = new ArrayList<>();
				loaded.forEach((source) -> {
					if (source.view() != null && source.error() == null) {
						views.add(source.view());
					}
					else {
						missing.add(source.source());
					}
				});
				Flux<List<@Nullable String>> rows = Flux.fromIterable(Searches.users(views, filter))
					.map((user) -> accountRow(AccountRecord.of(view(views, user.source()), user)));
				return csv("accounts.csv", missing, ACCOUNT_HEADER, rows);
			});
	}

	private Mono<ServerResponse> accessChanges(ServerRequest request) {
		Snapshots history = HistoryUnavailableException.whenOn(this.snapshots.getIfAvailable());
		AccessDiffs differences = HistoryUnavailableException.whenOn(this.diffs.getIfAvailable());
		Long to = request.queryParam("to").map((id) -> Snapshots.parseId(id, "to")).orElse(null);
		Long from = request.queryParam("from").map((id) -> Snapshots.parseId(id, "from")).orElse(null);
		return history.pair(from, to).flatMap((pair) -> {
			Snapshot older = pair.from();
			Snapshot newer = pair.to();
			if (older == null || newer == null) {
				return csv("access-changes.csv", List.of(), CHANGE_HEADER, Flux.empty());
			}
			return differences.diff(older.id(), newer.id())
				.flatMap((diff) -> csv("access-changes.csv", diff.sourcesLeftOut(), CHANGE_HEADER,
						differences.stream(diff).map(ExportRoutes::changeRow)));
		});
	}

	private Mono<ServerResponse> auditTrail(ServerRequest request) {
		AuditTrail trail = HistoryUnavailableException.whenOn(this.audit.getIfAvailable());
		AuditTrail.Filter filter = new AuditTrail.Filter(Emails.normalize(request.queryParam("email").orElse(null)),
				request.queryParam("source").orElse(null), request.queryParam("client").orElse(null),
				time(request, "since"), time(request, "until"));
		return csv("audit.csv", List.of(), AUDIT_HEADER, trail.stream(filter).map(ExportRoutes::auditRow));
	}

	private static Mono<ServerResponse> csv(String name, List<String> missing, List<@Nullable String> header,
			Flux<List<@Nullable String>> rows) {
		Flux<DataBuffer> body = Flux.concat(Flux.just(List.of(header)), rows.buffer(CHUNK)).map((chunk) -> {
			StringBuilder text = new StringBuilder();
			chunk.forEach((row) -> text.append(Csv.line(row)));
			return DefaultDataBufferFactory.sharedInstance.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
		});
		ServerResponse.BodyBuilder answer = ServerResponse.ok()
			.contentType(CSV)
			.cacheControl(CacheControl.noStore())
			.headers(
					(headers) -> headers.setContentDisposition(ContentDisposition.attachment().filename(name).build()));
		if (!missing.isEmpty()) {
			answer.header(MISSING, String.join(",", missing));
		}
		return answer.body(BodyInserters.fromDataBuffers(body));
	}

	private static final List<@Nullable String> ACCOUNT_HEADER = List.of("source", "native_id", "email", "display_name",
			"active", "roles", "groups", "projects");

	private static List<@Nullable String> accountRow(AccountRecord account) {
		AccountRecord.Access access = account.access();
		return Arrays.asList(account.source(), account.nativeId(), account.email(), account.displayName(),
				(account.active() != null) ? account.active().toString() : null,
				String.join("; ", access.roles().stream().map(AccountRecord.Item::name).toList()),
				String.join("; ", access.groups().stream().map(AccountRecord.Item::name).toList()),
				String.join("; ",
						access.projects()
							.stream()
							.map((project) -> project.name() + (project.permissions().isEmpty() ? ""
									: " (" + String.join(" ", project.permissions()) + ")"))
							.toList()));
	}

	private static final List<@Nullable String> CHANGE_HEADER = List.of("kind", "source", "email", "native_id",
			"display_name", "role", "group", "project", "permissions_before", "permissions_after");

	private static List<@Nullable String> changeRow(AccessChange change) {
		return Arrays.asList(change.kind().name(), change.source(), change.email(), change.nativeId(),
				change.displayName(), change.role(), change.group(), change.project(),
				(change.permissionsBefore() != null) ? String.join(" ", change.permissionsBefore()) : null,
				(change.permissionsAfter() != null) ? String.join(" ", change.permissionsAfter()) : null);
	}

	private static final List<@Nullable String> AUDIT_HEADER = List.of("id", "at", "client", "change", "source",
			"target", "dry_run", "status", "code", "message");

	private static List<@Nullable String> auditRow(AuditTrail.Record entry) {
		return Arrays.asList(Long.toString(entry.id()), entry.at().toString(), entry.client(), entry.change(),
				entry.source(), entry.target(), Boolean.toString(entry.dryRun()), entry.status().name(), entry.code(),
				entry.message());
	}

	/** The same filters as {@code users(filter:)}, from query parameters. */
	private static UserFilter userFilter(ServerRequest request) {
		List<String> sources = list(request, "sources");
		List<Vendor> vendors = new ArrayList<>();
		for (String vendor : list(request, "vendors")) {
			try {
				vendors.add(Vendor.valueOf(vendor.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("vendors", "vendors: '" + vendor + "' is not one of "
						+ String.join(", ", Arrays.stream(Vendor.values()).map(Vendor::name).toList()));
			}
		}
		Boolean active = request.queryParam("active").map((value) -> switch (value.toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw new InvalidInputException("active", "active must be true or false");
		}).orElse(null);
		return new UserFilter(sources.isEmpty() ? null : sources, vendors.isEmpty() ? null : vendors,
				request.queryParam("email").orElse(null), request.queryParam("search").orElse(null),
				request.queryParam("role").orElse(null), request.queryParam("group").orElse(null), active);
	}

	private List<String> sources(UserFilter filter) {
		List<String> ids = (filter.sources() != null) ? filter.sources() : this.directory.sourceIds();
		this.directory.requireKnown(ids, "sources");
		return ids.stream()
			.filter((id) -> filter.vendors() == null
					|| filter.vendors().contains(this.directory.source(id).orElseThrow().vendor()))
			.toList();
	}

	/** The filter applied to a snapshot's accounts. */
	private static Predicate<AccountRecord> matches(UserFilter filter) {
		String email = Emails.normalize(filter.email());
		String search = (filter.search() != null) ? filter.search().toLowerCase(Locale.ROOT) : null;
		return (account) -> (filter.sources() == null || filter.sources().contains(account.source()))
				&& (email == null || email.equals(account.email()))
				&& (filter.active() == null || filter.active().equals(account.active()))
				&& (filter.role() == null || account.access()
					.roles()
					.stream()
					.anyMatch((role) -> role.name().equalsIgnoreCase(filter.role())))
				&& (filter.group() == null || account.access()
					.groups()
					.stream()
					.anyMatch((group) -> group.name().equalsIgnoreCase(filter.group())))
				&& (search == null || account.displayName().toLowerCase(Locale.ROOT).contains(search)
						|| (account.email() != null && account.email().contains(search)));
	}

	private static SourceView view(List<SourceView> views, String source) {
		return views.stream().filter((view) -> view.source().id().equals(source)).findFirst().orElseThrow();
	}

	private static List<String> list(ServerRequest request, String name) {
		List<String> values = new ArrayList<>();
		request.queryParams().getOrDefault(name, List.of()).forEach((value) -> {
			for (String part : value.split(",")) {
				if (!part.isBlank()) {
					values.add(part.trim());
				}
			}
		});
		return values;
	}

	private static @Nullable Instant time(ServerRequest request, String name) {
		String text = request.queryParam(name).orElse(null);
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(name, name + " must be an ISO-8601 time, e.g. 2026-12-01T00:00:00Z");
		}
	}

}
