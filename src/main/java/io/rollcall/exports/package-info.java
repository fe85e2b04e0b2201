/**
 * CSV exports for auditors: accounts (now or as a snapshot holds them), what changed
 * between two snapshots, and the audit trail, each streamed a chunk at a time.
 */
@NullMarked
package io.rollcall.exports;

import org.jspecify.annotations.NullMarked;
