package io.rollcall.config;

import java.time.Clock;
import java.time.Duration;

import io.rollcall.demo.DemoActivity;
import io.rollcall.domain.Changes;
import io.rollcall.domain.Directory;
import io.rollcall.domain.Vendor;
import io.rollcall.history.AccessDiffs;
import io.rollcall.history.AuditTrail;
import io.rollcall.history.HistoryDatabase;
import io.rollcall.history.SnapshotSchedule;
import io.rollcall.history.Snapshots;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Access history, unless {@code rollcall.history.enabled} is false: the database,
 * snapshots (scheduled every {@code rollcall.history.snapshot-every}, every 30 seconds in
 * demo mode, where someone also joins and leaves the demo Periscope site in between),
 * what changed between them, and the audit trail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rollcall.history.enabled", matchIfMissing = true)
class HistoryConfiguration {

	/** How often demo mode takes a snapshot, unless told otherwise. */
	static final Duration DEMO_EVERY = Duration.ofSeconds(30);

	@Bean(destroyMethod = "close")
	HistoryDatabase historyDatabase(RollcallProperties properties, Clock clock) {
		RollcallProperties.History history = properties.history();
		return new HistoryDatabase(history.url(), history.username(), history.password(), clock);
	}

	@Bean
	AccessDiffs accessDiffs(HistoryDatabase database, Clock clock) {
		return new AccessDiffs(database, clock);
	}

	@Bean
	Snapshots snapshots(HistoryDatabase database, Directory directory, AccessDiffs diffs, RollcallProperties properties,
			Clock clock) {
		return new Snapshots(database, directory, diffs,
				RollcallProperties.History.retention(properties.history().keep()), clock);
	}

	@Bean(destroyMethod = "close")
	AuditTrail auditTrail(HistoryDatabase database) {
		return new AuditTrail(database);
	}

	@Bean(destroyMethod = "close")
	@Nullable SnapshotSchedule snapshotSchedule(Snapshots snapshots, RollcallProperties properties,
			SourcesConfiguration.DemoMode demo, Clock clock) {
		Duration every = every(properties, demo);
		return (every != null) ? new SnapshotSchedule(snapshots, every, every, clock) : null;
	}

	@Bean(destroyMethod = "close")
	@Nullable DemoActivity demoActivity(Changes changes, Snapshots snapshots, Directory directory, RollcallProperties properties,
			SourcesConfiguration.DemoMode demo) {
		Duration every = every(properties, demo);
		if (!demo.active() || every == null) {
			return null;
		}
		String periscope = directory.sourceIds()
			.stream()
			.filter((id) -> directory.connector(id).orElseThrow().info().vendor() == Vendor.PERISCOPE)
			.findFirst()
			.orElse(null);
		// Between two snapshots, so that each diff shows one joining and one leaving.
		return (periscope != null) ? new DemoActivity(changes, snapshots, periscope, every, every.dividedBy(2)) : null;
	}

	/** Demo mode's activity, once the application has started. */
	@Bean
	ApplicationRunner demoHistory(ObjectProvider<DemoActivity> activity) {
		return (arguments) -> activity.ifAvailable(DemoActivity::start);
	}

	private static @Nullable Duration every(RollcallProperties properties, SourcesConfiguration.DemoMode demo) {
		Duration configured = properties.history().snapshotEvery();
		return (configured != null) ? configured : demo.active() ? DEMO_EVERY : null;
	}

}
