/**
 * Access history: snapshots of every account, what changed between two, and the audit
 * trail, kept in a relational database that reads never need.
 */
@NullMarked
package io.rollcall.history;

import org.jspecify.annotations.NullMarked;
