package io.rollcall.domain;

/**
 * What a source lets the gateway do.
 */
public enum Capability {

	LIST_USERS, LIST_PROJECTS, LIST_ROLES, LIST_GROUPS, INVITE_USER, UPDATE_USER, REMOVE_USER, MANAGE_GROUPS,
	MANAGE_PROJECT_MEMBERS

}
