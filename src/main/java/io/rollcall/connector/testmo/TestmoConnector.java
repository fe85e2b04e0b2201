package io.rollcall.connector.testmo;

import java.util.List;

import io.rollcall.domain.Connector;
import io.rollcall.domain.Group;
import io.rollcall.domain.Membership;
import io.rollcall.domain.Project;
import io.rollcall.domain.Role;
import io.rollcall.domain.SourceInfo;
import io.rollcall.domain.User;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Testmo instance: users, roles, groups and projects, all read-only.
 */
final class TestmoConnector implements Connector {

	private final SourceInfo info;

	private final TestmoClient client;

	private final int concurrency;

	TestmoConnector(SourceInfo info, TestmoClient client, int concurrency) {
		this.info = info;
		this.client = client;
		this.concurrency = concurrency;
	}

	@Override
	public SourceInfo info() {
		return this.info;
	}

	@Override
	public Mono<List<User>> users() {
		return this.client.all("/api/v1/users", "expands=groups,roles", TestmoWire.User.class)
			.map((users) -> users.stream().map((u) -> TestmoMapper.toUser(this.info.id(), u)).toList());
	}

	@Override
	public Mono<List<Role>> roles() {
		return this.client.all("/api/v1/roles", "", TestmoWire.Role.class)
			.map((roles) -> roles.stream().map((r) -> TestmoMapper.toRole(this.info.id(), r)).toList());
	}

	@Override
	public Mono<List<Group>> groups() {
		return this.client.all("/api/v1/groups", "", TestmoWire.Group.class)
			.map((groups) -> groups.stream().map((g) -> TestmoMapper.toGroup(this.info.id(), g)).toList());
	}

	@Override
	public Mono<List<Project>> projects() {
		return this.client.all("/api/v1/projects", "", TestmoWire.Project.class)
			.map((projects) -> projects.stream().map((p) -> TestmoMapper.toProject(this.info.id(), p)).toList());
	}

	/**
	 * Testmo lists a project's users only per project: one paged list per project, at
	 * most {@code max-pages} projects' lists in all.
	 */
	@Override
	public Mono<List<Membership>> memberships(List<Project> projects) {
		return this.client.checkProjectCount(projects.size())
			.thenMany(Flux.fromIterable(projects))
			.flatMapSequential((project) -> this.client
				.all("/api/v1/projects/{id}/users", "", TestmoWire.ProjectUser.class, project.nativeId())
				.map((users) -> users.stream().map((u) -> TestmoMapper.toMembership(project.nativeId(), u)).toList()),
					this.concurrency)
			.collectList()
			.map((lists) -> this.client.bounded(lists.stream().flatMap(List::stream).toList()));
	}

	@Override
	public Mono<Void> probe() {
		return this.client.probe();
	}

}
